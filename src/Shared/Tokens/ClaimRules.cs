using System;

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

    /// <summary>True for a claim type of the service's own (<c>asrs.*</c>), which is never copied.</summary>
    public static bool IsServiceClaim(string type) => type.StartsWith(ServicePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds <paramref name="value"/> under <paramref name="type"/>, renamed if reserved, to its claim in <paramref name="claims"/>.</summary>
    public static void Add(ref CopiedClaimList claims, string type, ClaimValue value, ref bool subSeen)
    {
        var target = type;
        if (IsReserved(type))
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

        var claim = claims.Find(target);
        if (claim is not null)
        {
            claim.Add(value);
            return;
        }

        claims.Add(new CopiedClaim(target, value));
    }

    /// <summary>
    /// The registered JWT names a copied claim may not take (aud, exp, iat, nbf, iss, actort, acr, azp, c_hash, jti,
    /// nonce), ignoring case.
    /// </summary>
    internal static bool IsReserved(string type) => type.Length switch
    {
        3 => Is(type, "aud") || Is(type, "exp") || Is(type, "iat") || Is(type, "nbf") || Is(type, "iss") || Is(type, "acr") || Is(type, "azp") || Is(type, "jti"),
        5 => Is(type, "nonce"),
        6 => Is(type, "actort") || Is(type, "c_hash"),
        _ => false,
    };

    private static bool Is(string type, string name) => string.Equals(type, name, StringComparison.OrdinalIgnoreCase);
}
