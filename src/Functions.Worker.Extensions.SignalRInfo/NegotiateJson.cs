using System.Text.Json;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>The negotiate response body: compact camelCase JSON <c>{"url":"…","accessToken":"…"}</c>.</summary>
internal static class NegotiateJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static string Serialize(SignalRConnectionInfo info) => JsonSerializer.Serialize(info);
}
