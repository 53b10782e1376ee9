using System.Collections.Generic;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The inputs every benchmark shares: one connection, hub, user id, two claims copied from an IdToken,
/// a one-hour lifetime. Minting and invocation use the same values so their numbers can be compared.
/// </summary>
internal static class BenchmarkInputs
{
    public const string AccessKey = "BenchKey0123456789abcdefghijklmnopqrstuvwxyz=";
    public const string Endpoint = "https://contoso.service.signalr.net";
    public const string ConnectionString = "Endpoint=" + Endpoint + ";AccessKey=" + AccessKey + ";Version=1.0;";
    public const string SettingName = "AzureSignalRConnectionString";
    public const string Hub = "Chat";
    public const string LowerHub = "chat";
    public const string UserId = "user-0042@contoso.com";
    public const string ClientUrl = Endpoint + "/client/?hub=" + LowerHub;
    public const string Audience = Endpoint + "/client/?hub=" + LowerHub;
    public const string UserIdClaim = "asrs.s.uid";
    public const string NameClaim = "name";
    public const string NameValue = "Ada Lovelace";
    public const string RoleClaim = "role";
    public const string RoleValue = "admin";
    public const int LifetimeSeconds = 3600;

    /// <summary>The claim types a negotiate function copies from the IdToken.</summary>
    public static readonly string[] ClaimTypes = { NameClaim, RoleClaim };

    /// <summary>The two copied claims in our writer's form (what <c>IdTokenClaimReader</c> returns).</summary>
    public static IReadOnlyList<CopiedClaim> CopiedClaims()
    {
        return new[] { new CopiedClaim(NameClaim, new ClaimValue(NameValue, isJson: false)), new CopiedClaim(RoleClaim, new ClaimValue(RoleValue, isJson: false)) };
    }

    /// <summary>An unsigned IdToken carrying the two claims (and one that is not copied), as App Service passes it.</summary>
    public static string IdToken()
    {
        static string Segment(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var payload = "{\"sub\":\"42\",\"" + NameClaim + "\":\"" + NameValue + "\",\"" + RoleClaim + "\":\"" + RoleValue + "\",\"tid\":\"not-copied\"}";
        return Segment("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Segment(payload) + ".";
    }
}
