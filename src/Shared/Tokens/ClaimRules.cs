using System;
using System.Collections.Generic;

namespace SignalRInfo.Core;

/// <summary>
/// The rules every copied claim follows, from an IdToken or from code (README, "Claims from an ID token"): claims
/// named <c>asrs.*</c> are dropped, so that no input can set the service's own claims; reserved JWT names are renamed
/// <c>asrs.u.&lt;name&gt;</c>, and only the first <c>sub</c> is kept as it is; repeated types become one array, in
/// order of first appearance. Names are matched ignoring case, as claim lookups downstream do.
/// </summary>
internal static class ClaimRules
{
    private const string RenamePrefix = "asrs.u.";
    private const string ServicePrefix = "asrs.";

    private static readonly HashSet<string> ReservedClaimTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "aud", "exp", "iat", "nbf", "iss", "actort", "acr", "azp", "c_hash", "jti", "nonce",
    };

    /// <summary>True for a claim type of the service's own (<c>asrs.*</c>), which is never copied.</summary>
    public static bool IsServiceClaim(string type) => type.StartsWith(ServicePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds <paramref name="value"/> under <paramref name="type"/>, renamed if reserved, to its claim in <paramref name="claims"/>.</summary>
    public static void Add(List<CopiedClaim> claims, string type, ClaimValue value, ref bool subSeen)
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

        claim.Values.Add(value);
    }
}
