using System.Runtime.Serialization;
#if SIGNALRINFO_WORKER
using StjIgnore = System.Text.Json.Serialization.JsonIgnoreAttribute;
#else
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
#endif
using StjConverter = System.Text.Json.Serialization.JsonConverterAttribute;
using StjName = System.Text.Json.Serialization.JsonPropertyNameAttribute;

// Compiled into both packages, in each package's own namespace (README, "Several SignalR Service instances").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>
/// One instance of a <see cref="SignalRNegotiationContext"/>: the endpoint and the client URL and token for it
/// (<c>connectionInfo</c> is null when the instance could not sign: its Microsoft Entra ID key is unavailable).
/// </summary>
[DataContract]
public sealed class SignalREndpointConnectionInfo
{
    /// <summary>Primary or secondary.</summary>
    [StjName("endpointType")]
    [StjConverter(typeof(CamelCaseEnumConverter))]
#if SIGNALRINFO_WORKER
    [IgnoreDataMember]
#else
    [JsonProperty("endpointType")]
    [JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
    [DataMember(Name = "endpointType", Order = 0)]
#endif
    public SignalREndpointType EndpointType { get; set; }

    /// <summary>The entry's name under <c>Azure:SignalR:Endpoints</c>; empty for the connection setting itself.</summary>
    [StjName("name")]
    [DataMember(Name = "name", Order = 1)]
#if !SIGNALRINFO_WORKER
    [JsonProperty("name")]
#endif
    public string Name { get; set; } = string.Empty;

    /// <summary>The instance's endpoint, e.g. <c>https://contoso.service.signalr.net</c>.</summary>
    [StjName("endpoint")]
    [DataMember(Name = "endpoint", Order = 2)]
#if !SIGNALRINFO_WORKER
    [JsonProperty("endpoint")]
#endif
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Whether its last health results say it takes clients.</summary>
    [StjName("online")]
    [DataMember(Name = "online", Order = 3)]
#if !SIGNALRINFO_WORKER
    [JsonProperty("online")]
#endif
    public bool Online { get; set; }

    /// <summary>The client URL and access token for this instance, or null when it could not sign.</summary>
    [StjName("connectionInfo")]
    [DataMember(Name = "connectionInfo", Order = 4)]
#if !SIGNALRINFO_WORKER
    [JsonProperty("connectionInfo")]
#endif
    public SignalRConnectionInfo? ConnectionInfo { get; set; }

#if SIGNALRINFO_WORKER
    /// <summary>The type as Newtonsoft.Json (which reads the data contract) writes it: a string, never a number.</summary>
    [DataMember(Name = "endpointType", Order = 0)]
    [StjIgnore]
    private string EndpointTypeName
    {
        get => EndpointTypeNames.ToName(EndpointType);
        set => EndpointType = EndpointTypeNames.FromName(value);
    }
#endif
}
