using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// What a SignalR client needs to connect to Azure SignalR Service: the client URL and an access token. Serialized as
/// <c>{"url":"…","accessToken":"…"}</c> by System.Text.Json (defaults or the worker's serializer) and by Newtonsoft.Json
/// (which reads the <see cref="DataMemberAttribute"/> names), the camelCase shape every SignalR client reads.
/// </summary>
[DataContract]
public sealed class SignalRConnectionInfo
{
    /// <summary>The client URL, e.g. <c>https://contoso.service.signalr.net/client/?hub=chat</c>.</summary>
    [JsonPropertyName("url")]
    [DataMember(Name = "url", Order = 0)]
    public string? Url { get; set; }

    /// <summary>The short-lived access token (an HS256 JWT) the client presents to the service.</summary>
    [JsonPropertyName("accessToken")]
    [DataMember(Name = "accessToken", Order = 1)]
    public string? AccessToken { get; set; }
}
