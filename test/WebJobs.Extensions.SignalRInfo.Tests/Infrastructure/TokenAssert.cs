using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>Verifies tokens with an independent validator (Microsoft.IdentityModel), never with our own code.</summary>
internal static class TokenAssert
{
    public static async Task<JsonWebToken> ValidAsync(string token, string accessKey, string audience, DateTimeOffset now)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(accessKey)),
            ValidAudience = audience,
            ValidIssuer = "azure-signalr",
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= now.UtcDateTime && expires > now.UtcDateTime,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.True(result.IsValid, "token rejected by JsonWebTokenHandler: " + result.Exception);
        return (JsonWebToken)result.SecurityToken;
    }

    public static async Task InvalidAsync(string token, string accessKey, string audience)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(accessKey)),
            ValidAudience = audience,
            ValidIssuer = "azure-signalr",
            ValidateLifetime = false,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.False(result.IsValid);
    }

    /// <summary>The decoded header or payload JSON text of a compact token (part 0 or 1).</summary>
    public static string DecodePart(string token, int part)
    {
        var segment = token.Split('.')[part].Replace('-', '+').Replace('_', '/');
        segment = segment.PadRight(segment.Length + ((4 - (segment.Length % 4)) % 4), '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(segment));
    }

    public static string[] PayloadNames(string token)
    {
        using var doc = JsonDocument.Parse(DecodePart(token, 1));
        return doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }

    /// <summary>Builds an unsigned IdToken with the given payload JSON (as an identity provider would send).</summary>
    public static string IdToken(string payloadJson) =>
        Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url(payloadJson) + ".c2lnbmF0dXJl";

    public static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
