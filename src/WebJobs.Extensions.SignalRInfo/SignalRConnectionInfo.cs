using Newtonsoft.Json;
using StjName = System.Text.Json.Serialization.JsonPropertyNameAttribute;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// What a SignalR client needs to connect to Azure SignalR Service: the client URL and an access token.
/// Serialized as <c>{"url":"…","accessToken":"…"}</c> by both Newtonsoft.Json and System.Text.Json, which is
/// the shape the SignalR clients read from a negotiate response.
/// </summary>
public sealed class SignalRConnectionInfo
{
    /// <summary>The client URL, e.g. <c>https://contoso.service.signalr.net/client/?hub=chat</c>.</summary>
    [JsonProperty("url")]
    [StjName("url")]
    public string? Url { get; set; }

    /// <summary>The short-lived access token (an HS256 JWT) the client presents to the service.</summary>
    [JsonProperty("accessToken")]
    [StjName("accessToken")]
    public string? AccessToken { get; set; }
}
