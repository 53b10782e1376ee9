using System.Text.Json;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// The negotiate response body: compact camelCase JSON <c>{"url":"…","accessToken":"…"}</c>, or the negotiation
/// context / endpoint list of several instances (types as strings).
/// </summary>
internal static class NegotiateJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static string Serialize(SignalRConnectionInfo info) => JsonSerializer.Serialize(info);

    public static string Serialize(SignalRNegotiationContext context) => JsonSerializer.Serialize(context);

    public static string Serialize(SignalREndpoint[] endpoints) => JsonSerializer.Serialize(endpoints);
}
