using System;
using System.Runtime.Serialization;
#if !SIGNALRINFO_WORKER
using Newtonsoft.Json;
#endif
using StjName = System.Text.Json.Serialization.JsonPropertyNameAttribute;

// Compiled into both packages, in each package's own namespace (README, "Several SignalR Service instances").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>
/// What <c>[SignalRNegotiation]</c> binds: every configured instance with a token for it,
/// <c>{"endpoints":[{"endpointType":"primary","name":…,"endpoint":…,"online":…,"connectionInfo":{"url":…,"accessToken":…}}]}</c>,
/// primaries first. The client (or the function) picks one.
/// </summary>
[DataContract]
public sealed class SignalRNegotiationContext
{
    /// <summary>The instances: primaries first, the setting itself, then by name.</summary>
    [StjName("endpoints")]
    [DataMember(Name = "endpoints", Order = 0)]
#if !SIGNALRINFO_WORKER
    [JsonProperty("endpoints")]
#endif
    public SignalREndpointConnectionInfo[] Endpoints { get; set; } = Array.Empty<SignalREndpointConnectionInfo>();
}
