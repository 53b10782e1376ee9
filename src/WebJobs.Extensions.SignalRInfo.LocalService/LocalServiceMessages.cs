using System;
using System.Globalization;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// Every text the local service answers with or throws, in one place; tests compare against these.
/// None of them ever contains a token or a key: values echoed back (hub, aud, iss, alg) are cut to <see cref="MaxEchoLength"/>.
/// </summary>
internal static class LocalServiceMessages
{
    public const int MaxEchoLength = 160;

    // Client requests (/client/negotiate?hub=…, /client/?hub=…): 400 and 401 bodies, plain text.
    public const string MissingHub = "missing 'hub' query parameter";
    public const string RepeatedHub = "more than one 'hub' query parameter";
    public const string MissingToken = "missing access token: send 'Authorization: Bearer <token>' or the 'access_token' query parameter";
    public const string TokenTooLong = "token longer than 4096 characters";
    public const string MalformedToken = "malformed token: expected a compact JWT of three base64url parts";
    public const string MalformedHeader = "malformed token: the header is not a JSON object";
    public const string MalformedPayload = "malformed token: the payload is not a JSON object";
    public const string InvalidSignature = "invalid signature";
    public const string MissingExpiration = "token has no 'exp' claim";
    public const string MissingAudience = "token has no 'aud' claim";

    // GET /api/v1/auth/accessKey.
    public const string AccessKeyMissingBearer = "missing bearer token: send 'Authorization: Bearer <Microsoft Entra token>'";
    public const string AccessKeyFromBrowser = "the key endpoint does not serve browser pages (the request has an Origin header): only an app's server side may fetch a signing key";
    public const string AccessKeyWrongHost = "the request's Host is not this service (localhost, a loopback address or its HostName): refused, as a DNS-rebinding page would send it";

    // Options.
    public const string PortOutOfRange = "Port must be between 0 (any free port) and 65535.";
    public const string AccessKeyEmpty = "AccessKey must not be empty or white space nor contain ';'; leave it null to generate one.";
    public const string HostNameInvalid = "HostName must be a DNS host name or an IPv4 address, such as 'localhost'.";
    public const string ClockSkewOutOfRange = "ClockSkew must be between 0 and 30 seconds.";
    public const string UnhealthyStatusCodeOutOfRange = "UnhealthyStatusCode must be between 400 and 599, a status a health prober sees as a failure.";

    public static string InvalidHub(string hub) =>
        $"invalid hub name '{Echo(hub)}': a hub name matches ^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{{0,127}}$";

    public static string UnsupportedAlgorithm(string? algorithm) =>
        algorithm is null ? "token header has no 'alg': expected HS256" : $"unsupported algorithm '{Echo(algorithm)}': expected HS256";

    public static string ClaimNotANumber(string claim) => $"claim '{claim}' is not a number";

    public static string ClaimNotAString(string claim) => $"claim '{claim}' is not a string";

    public static string TokenExpired(DateTimeOffset expiredAt) => "token expired at " + Format(expiredAt);

    public static string TokenNotYetValid(DateTimeOffset notBefore) => "token not valid before " + Format(notBefore);

    public static string AudienceMismatch(string actual, string expected) =>
        $"audience '{Echo(actual)}' does not match '{expected}'";

    public static string InvalidIssuer(string issuer) => $"issuer '{Echo(issuer)}' is not 'azure-signalr'";

    /// <summary>A value from the request, cut to <see cref="MaxEchoLength"/> and with control, format and separator characters as <c>\uXXXX</c>, so it cannot forge a log line.</summary>
    private static string Echo(string value)
    {
        var shown = value.Length <= MaxEchoLength ? value : value[..MaxEchoLength];
        var text = new System.Text.StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return shown.Length < value.Length ? text.Append('…').ToString() : text.ToString();
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
