using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// Validates a client access token as Azure SignalR Service does (README, "The local SignalR service"): compact JWT, header alg HS256,
/// HMAC-SHA256 over <c>base64url(header).base64url(payload)</c> with the UTF-8 bytes of the key (the key issued under the
/// header's <c>kid</c> by the accessKey endpoint, else the main access key), <c>exp</c> required and in the future,
/// <c>nbf</c> if present not in the future (both within the clock skew), <c>iss</c> absent or <c>azure-signalr</c>,
/// <c>aud</c> exactly the expected audience.
/// </summary>
internal sealed class AccessTokenValidator
{
    /// <summary>The real service refuses longer tokens.</summary>
    public const int MaxTokenLength = 4096;

    public const string AuthenticationType = "AzureSignalRAccessToken";
    public const string UserIdClaimType = "asrs.s.uid";
    public const string ExpectedIssuer = "azure-signalr";
    public const string Algorithm = "HS256";

    private readonly LocalServiceState _state;
    private readonly TimeProvider _time;
    private readonly TimeSpan _clockSkew;

    public AccessTokenValidator(LocalServiceState state, TimeProvider time, TimeSpan clockSkew)
    {
        _state = state;
        _time = time;
        _clockSkew = clockSkew;
    }

    public TokenValidationOutcome Validate(string token, string expectedAudience)
    {
        if (token.Length > MaxTokenLength)
        {
            return TokenValidationOutcome.Fail(LocalServiceMessages.TokenTooLong);
        }

        var firstDot = token.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || secondDot == firstDot + 1 || token.IndexOf('.', secondDot + 1) >= 0
            || !Base64Url.TryDecode(token.AsSpan(0, firstDot), out var headerBytes)
            || !Base64Url.TryDecode(token.AsSpan(firstDot + 1, secondDot - firstDot - 1), out var payloadBytes)
            || !Base64Url.TryDecode(token.AsSpan(secondDot + 1), out var signature))
        {
            return TokenValidationOutcome.Fail(LocalServiceMessages.MalformedToken);
        }

        string? keyId;
        using (var header = TryParseObject(headerBytes))
        {
            if (header is null)
            {
                return TokenValidationOutcome.Fail(LocalServiceMessages.MalformedHeader);
            }

            string? algorithm;
            try
            {
                var root = header.RootElement;
                algorithm = root.TryGetProperty("alg", out var alg) ? (alg.ValueKind == JsonValueKind.String ? alg.GetString()! : alg.GetRawText()) : null;
                keyId = root.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json reads strings lazily: a lone surrogate escape or bytes that are not UTF-8 fail here.
                return TokenValidationOutcome.Fail(LocalServiceMessages.MalformedHeader);
            }

            if (algorithm != Algorithm)
            {
                return TokenValidationOutcome.Fail(LocalServiceMessages.UnsupportedAlgorithm(algorithm));
            }
        }

        // The real service ignores kid for access keys: an unknown kid is checked against the main key.
        var key = (keyId is null ? null : _state.FindIssuedKey(keyId)) ?? _state.AccessKeyBytes;
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(token, 0, secondDot));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return TokenValidationOutcome.Fail(LocalServiceMessages.InvalidSignature);
        }

        using var payload = TryParseObject(payloadBytes);
        if (payload is null)
        {
            return TokenValidationOutcome.Fail(LocalServiceMessages.MalformedPayload);
        }

        try
        {
            var claims = payload.RootElement;
            var error = CheckLifetime(claims) ?? CheckIssuer(claims) ?? CheckAudience(claims, expectedAudience);
            if (error is not null)
            {
                return TokenValidationOutcome.Fail(error);
            }

            var identity = new ClaimsIdentity(ToClaims(claims), AuthenticationType, UserIdClaimType, ClaimTypes.Role);
            return TokenValidationOutcome.Success(new ClaimsPrincipal(identity));
        }
        catch (InvalidOperationException)
        {
            // A name or string that is not valid Unicode (read lazily by System.Text.Json): a refusal, not a 500.
            return TokenValidationOutcome.Fail(LocalServiceMessages.MalformedPayload);
        }
    }

    private static JsonDocument? TryParseObject(byte[] utf8)
    {
        try
        {
            var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string? CheckLifetime(JsonElement claims)
    {
        var now = _time.GetUtcNow();
        if (!claims.TryGetProperty("exp", out var exp))
        {
            return LocalServiceMessages.MissingExpiration;
        }

        if (!TryGetNumericDate(exp, out var expiresAt))
        {
            return LocalServiceMessages.ClaimNotANumber("exp");
        }

        // now - skew, not exp + skew: an exp at the end of time must not overflow.
        if (now - _clockSkew >= expiresAt)
        {
            return LocalServiceMessages.TokenExpired(expiresAt);
        }

        if (claims.TryGetProperty("nbf", out var nbf))
        {
            if (!TryGetNumericDate(nbf, out var notBefore))
            {
                return LocalServiceMessages.ClaimNotANumber("nbf");
            }

            if (now + _clockSkew < notBefore)
            {
                return LocalServiceMessages.TokenNotYetValid(notBefore);
            }
        }

        return null;
    }

    private static string? CheckIssuer(JsonElement claims)
    {
        if (!claims.TryGetProperty("iss", out var iss))
        {
            return null;
        }

        if (iss.ValueKind != JsonValueKind.String)
        {
            return LocalServiceMessages.ClaimNotAString("iss");
        }

        var issuer = iss.GetString()!;
        return issuer == ExpectedIssuer ? null : LocalServiceMessages.InvalidIssuer(issuer);
    }

    private static string? CheckAudience(JsonElement claims, string expectedAudience)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return LocalServiceMessages.MissingAudience;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            var audience = aud.GetString()!;
            return string.Equals(audience, expectedAudience, StringComparison.Ordinal) ? null : LocalServiceMessages.AudienceMismatch(audience, expectedAudience);
        }

        if (aud.ValueKind == JsonValueKind.Array)
        {
            // RFC 7519 allows an array; one of its strings must match exactly.
            foreach (var item in aud.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && string.Equals(item.GetString(), expectedAudience, StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return LocalServiceMessages.AudienceMismatch(aud.GetRawText(), expectedAudience);
        }

        return LocalServiceMessages.ClaimNotAString("aud");
    }

    private static bool TryGetNumericDate(JsonElement value, out DateTimeOffset date)
    {
        date = default;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return false;
        }

        var min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        var max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        date = DateTimeOffset.FromUnixTimeMilliseconds((long)(Math.Clamp(seconds, min, max) * 1000));
        return true;
    }

    private static List<Claim> ToClaims(JsonElement payload)
    {
        var claims = new List<Claim>();
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    AddClaim(claims, property.Name, item);
                }
            }
            else
            {
                AddClaim(claims, property.Name, property.Value);
            }
        }

        return claims;
    }

    private static void AddClaim(List<Claim> claims, string type, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                claims.Add(new Claim(type, value.GetString()!, ClaimValueTypes.String));
                break;
            case JsonValueKind.Number:
                claims.Add(new Claim(type, value.GetRawText(), value.TryGetInt64(out _) ? ClaimValueTypes.Integer64 : ClaimValueTypes.Double));
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                claims.Add(new Claim(type, value.GetBoolean() ? "true" : "false", ClaimValueTypes.Boolean));
                break;
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                claims.Add(new Claim(type, value.GetRawText(), "JSON"));
                break;
            default:
                break;
        }
    }
}
