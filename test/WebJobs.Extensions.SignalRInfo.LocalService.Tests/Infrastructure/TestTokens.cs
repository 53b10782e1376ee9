using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;

/// <summary>
/// Mints tokens independently of the service: with IdentityModel's <see cref="JsonWebTokenHandler"/>, or by hand as
/// the token shape of README "Connections" (for the shapes IdentityModel will not write: alg none, tampered payloads, …).
/// </summary>
internal static class TestTokens
{
    /// <summary>The main access key of the test services (a string used as its UTF-8 bytes).</summary>
    public const string Key = "local-service-tests-access-key-0123456789ABCDEFGH";

    /// <summary>The audience for a hub on the default host name: no port.</summary>
    public static string Audience(string hub) => "http://localhost/client/?hub=" + hub.ToLowerInvariant();

    /// <summary>A token from IdentityModel: HS256 over the UTF-8 key bytes, iss azure-signalr, nbf/iat now, exp in an hour.</summary>
    public static string Mint(string audience, string? userId = "alice", string key = Key, string? kid = null, IDictionary<string, object>? claims = null, DateTime? expires = null)
    {
        var securityKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
        if (kid is not null)
        {
            securityKey.KeyId = kid;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            Issuer = "azure-signalr",
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>(),
        };
        if (userId is not null)
        {
            descriptor.Claims["asrs.s.uid"] = userId;
        }

        foreach (var claim in claims ?? new Dictionary<string, object>())
        {
            descriptor.Claims[claim.Key] = claim.Value;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = true }.CreateToken(descriptor);
    }

    /// <summary>A token written by hand: base64url(header) "." base64url(payload) "." base64url(HMAC-SHA256 with the UTF-8 key bytes).</summary>
    public static string HandMade(string headerJson, string payloadJson, string key = Key)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        return signingInput + "." + Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The payload as the service SDK writes it, in its order: asrs.s.uid, nbf, exp, iat, iss, aud.</summary>
    public static string Payload(string audience, string userId = "alice", long? now = null, long lifetimeSeconds = 3600, string issuer = "azure-signalr")
    {
        var iat = now ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{{\"asrs.s.uid\":\"{userId}\",\"nbf\":{iat},\"exp\":{iat + lifetimeSeconds},\"iat\":{iat},\"iss\":\"{issuer}\",\"aud\":\"{audience}\"}}";
    }

    /// <summary>The header as the service SDK writes it: alg, typ, kid.</summary>
    public static string Header(string alg = "HS256", string kid = "test-kid") => $"{{\"alg\":\"{alg}\",\"typ\":\"JWT\",\"kid\":\"{kid}\"}}";

    public static string Encode(string json) => Encode(Encoding.UTF8.GetBytes(json));

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The token with its payload swapped for <paramref name="payloadJson"/>, the signature kept.</summary>
    public static string WithPayload(string token, string payloadJson)
    {
        var parts = token.Split('.');
        return parts[0] + "." + Encode(payloadJson) + "." + parts[2];
    }
}
