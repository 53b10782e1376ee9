using System;
using System.Collections.Generic;
using System.Text.Json;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Copies claims from an IdToken into an access token (PROTOCOL.md §4): the token is decoded, not validated, as
/// the service SDK does; claims are filtered by ClaimTypeList (exact, case-sensitive); reserved names are renamed
/// <c>asrs.u.&lt;name&gt;</c>, only the first <c>sub</c> is kept as it is, and <c>asrs.*</c> claims are dropped so
/// a forged IdToken cannot set the service's own claims. The last three rules ignore case, as claim lookups
/// downstream do (<c>ClaimsIdentity.FindFirst</c>): <c>ASRS.S.UID</c> is dropped, <c>AUD</c> and a second <c>SUB</c> renamed.
/// </summary>
internal static class IdTokenClaimReader
{
    private const string RenamePrefix = "asrs.u.";
    private const string ServicePrefix = "asrs.";

    private static readonly HashSet<string> ReservedClaimTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "aud", "exp", "iat", "nbf", "iss", "actort", "acr", "azp", "c_hash", "jti", "nonce",
    };

    /// <summary>Reads the claims of <paramref name="idToken"/> whose types are in <paramref name="claimTypes"/>.</summary>
    /// <returns>The claims in order of first appearance, or null when there is nothing to copy.</returns>
    /// <exception cref="ArgumentException">The IdToken is not a readable JWT; the message holds no part of it.</exception>
    public static IReadOnlyList<CopiedClaim>? Read(string? idToken, string[]? claimTypes)
    {
        if (claimTypes is null || claimTypes.Length == 0 || idToken is null || idToken.Trim().Length == 0)
        {
            return null;
        }

        var token = idToken.Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token.Substring(7).Trim();
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw Malformed(ErrorMessages.IdTokenNotThreeParts);
        }

        var payload = Base64Url.Decode(parts[1]) ?? throw Malformed(ErrorMessages.IdTokenPayloadNotBase64Url);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            // The parser's message may quote the payload: it is not passed on.
            throw Malformed(ErrorMessages.IdTokenPayloadNotJsonObject);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(ErrorMessages.IdTokenPayloadNotJsonObject);
            }

            try
            {
                return Copy(document.RootElement, claimTypes);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json reads names and strings lazily: a lone surrogate escape or bytes that are not UTF-8
                // fail here, with a message that may quote the payload. It is not passed on.
                throw Malformed(ErrorMessages.IdTokenPayloadInvalidText);
            }
        }
    }

    private static IReadOnlyList<CopiedClaim>? Copy(JsonElement payload, string[] claimTypes)
    {
        var claims = new List<CopiedClaim>();
        var subSeen = false;
        foreach (var property in payload.EnumerateObject())
        {
            var type = property.Name;
            if (Array.IndexOf(claimTypes, type) < 0 || type.StartsWith(ServicePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    Add(claims, type, item, ref subSeen);
                }
            }
            else
            {
                Add(claims, type, property.Value, ref subSeen);
            }
        }

        return claims.Count == 0 ? null : claims;
    }

    private static void Add(List<CopiedClaim> claims, string type, JsonElement value, ref bool subSeen)
    {
        var target = type;
        if (ReservedClaimTypes.Contains(type))
        {
            target = RenamePrefix + type;
        }
        else if (string.Equals(type, "sub", StringComparison.OrdinalIgnoreCase))
        {
            if (subSeen)
            {
                target = RenamePrefix + type;
            }

            subSeen = true;
        }

        CopiedClaim? claim = null;
        foreach (var existing in claims)
        {
            if (existing.Type == target)
            {
                claim = existing;
                break;
            }
        }

        if (claim is null)
        {
            claim = new CopiedClaim(target);
            claims.Add(claim);
        }

        claim.Values.Add(value.ValueKind == JsonValueKind.String
            ? new ClaimValue(value.GetString()!, isJson: false)
            : new ClaimValue(value.GetRawText(), isJson: true));
    }

    private static ArgumentException Malformed(string reason) => new(ErrorMessages.Format(ErrorMessages.IdTokenMalformed, reason));
}
