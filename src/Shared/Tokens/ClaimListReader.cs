using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Claims;

namespace SignalRInfo.Core;

/// <summary>
/// Copies <see cref="Claim"/>s given in code into an access token: long claim types get their short JWT names
/// (<see cref="OutboundClaimTypes"/>), then the rules of <see cref="ClaimRules"/> apply. A value
/// keeps its JSON type from <see cref="Claim.ValueType"/> as the Azure SignalR SDK (Microsoft.Azure.SignalR) writes
/// it, so that the payload is the SDK's byte for byte: integer types become numbers (Integer32 within 32 bits), Boolean
/// <c>true</c>/<c>false</c>, Double a number with a decimal place (<c>1000.0</c>, <c>1E+20</c>) or the string
/// <c>NaN</c>/<c>Infinity</c>/<c>-Infinity</c>; a value that does not parse as its type, and every other type, is a string.
/// </summary>
internal static class ClaimListReader
{
    // Invariant-culture parsing as the SDK does it (NumberStyles.Any): white space, signs, parentheses, thousands
    // separators, a decimal point, an exponent and the invariant currency sign '¤' ('$' is not it).
    private const NumberStyles Numbers = NumberStyles.Any;

    private static readonly char[] DecimalMarks = { '.', 'E', 'e' };

    /// <summary>The claims for a token: none, the list itself when no rule touches it, or the copied claims.</summary>
    /// <exception cref="ArgumentException">A claim in the list is null.</exception>
    public static TokenClaims Read(IEnumerable<Claim>? claims)
    {
        if (claims is null)
        {
            return default;
        }

        // A snapshot: the caller's collection may change while an identity key is awaited; a Claim cannot change.
        var snapshot = claims switch
        {
            Claim[] array => Copy(array),
            ICollection<Claim> collection => Copy(collection),
            _ => new List<Claim>(claims).ToArray(),
        };
        if (IsPlain(snapshot))
        {
            return TokenClaims.Plain(snapshot);
        }

        var copied = new CopiedClaimList(snapshot.Length);
        var subSeen = false;
        for (var i = 0; i < snapshot.Length; i++)
        {
            Add(ref copied, snapshot[i], i, ref subSeen);
        }

        return new TokenClaims(copied.ToList());
    }

    /// <summary>
    /// True when writing <paramref name="claims"/> as they are gives what the rules give: a few claims, none null, each
    /// a string (its value type has no JSON form), under a type that has no short name, is not the service's own or
    /// reserved, and is no other claim's type; at most one <c>sub</c>.
    /// </summary>
    internal static bool IsPlain(Claim[] claims)
    {
        if (claims.Length > 8)
        {
            return false;
        }

        var sub = false;
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            if (claim is null || HasJsonForm(claim.ValueType))
            {
                return false;
            }

            var type = claim.Type;
            if (!ReferenceEquals(OutboundClaimTypes.ShortName(type), type) || ClaimRules.IsServiceClaim(type) || ClaimRules.IsReserved(type))
            {
                return false;
            }

            if (string.Equals(type, "sub", StringComparison.OrdinalIgnoreCase))
            {
                if (sub)
                {
                    return false;
                }

                sub = true;
            }

            for (var j = 0; j < i; j++)
            {
                if (claims[j].Type == type)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A copy made in managed code (Array.Clone goes through the runtime and costs more than a token's JSON).</summary>
    private static Claim[] Copy(Claim[] array)
    {
        if (array.Length == 0)
        {
            return array;
        }

        var copy = new Claim[array.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = array[i];
        }

        return copy;
    }

    private static Claim[] Copy(ICollection<Claim> collection)
    {
        var array = new Claim[collection.Count];
        collection.CopyTo(array, 0);
        return array;
    }

    /// <summary>True for the value types <see cref="Value"/> writes as JSON numbers or booleans (when they parse).</summary>
    private static bool HasJsonForm(string? valueType) =>
        !ReferenceEquals(valueType, ClaimValueTypes.String)
        && valueType is ClaimValueTypes.Integer or ClaimValueTypes.Integer64 or ClaimValueTypes.Integer32 or ClaimValueTypes.Boolean or ClaimValueTypes.Double;

    private static void Add(ref CopiedClaimList copied, Claim? claim, int index, ref bool subSeen)
    {
        if (claim is null)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.NegotiatorNullClaim, index), "options");
        }

        var type = OutboundClaimTypes.ShortName(claim.Type);
        if (ClaimRules.IsServiceClaim(type))
        {
            return;
        }

        ClaimRules.Add(ref copied, type, Value(claim.Value, claim.ValueType), ref subSeen);
    }

    /// <summary>The JSON form of one value for its <paramref name="valueType"/>.</summary>
    internal static ClaimValue Value(string text, string? valueType)
    {
        if (ReferenceEquals(valueType, ClaimValueTypes.String))
        {
            // Claim's default (the same interned string): no comparisons.
            return new ClaimValue(text, isJson: false);
        }

        switch (valueType)
        {
            case ClaimValueTypes.Integer:
            case ClaimValueTypes.Integer64:
                return long.TryParse(text, Numbers, CultureInfo.InvariantCulture, out var number)
                    ? new ClaimValue(number.ToString(CultureInfo.InvariantCulture), isJson: true)
                    : new ClaimValue(text, isJson: false);
            case ClaimValueTypes.Integer32:
                return int.TryParse(text, Numbers, CultureInfo.InvariantCulture, out var small)
                    ? new ClaimValue(small.ToString(CultureInfo.InvariantCulture), isJson: true)
                    : new ClaimValue(text, isJson: false);
            case ClaimValueTypes.Boolean:
                return bool.TryParse(text, out var flag)
                    ? new ClaimValue(flag ? "true" : "false", isJson: true)
                    : new ClaimValue(text, isJson: false);
            case ClaimValueTypes.Double:
                return double.TryParse(text, Numbers, CultureInfo.InvariantCulture, out var real)
                    ? DoubleValue(real)
                    : new ClaimValue(text, isJson: false);
            default:
                return new ClaimValue(text, isJson: false);
        }
    }

    /// <summary>
    /// A double as the SDK's JSON writer prints it: the shortest round-trip form, with <c>.0</c> added when it has
    /// neither a decimal point nor an exponent; JSON has no NaN or infinity, which become strings.
    /// </summary>
    private static ClaimValue DoubleValue(double value)
    {
        if (double.IsNaN(value))
        {
            return new ClaimValue("NaN", isJson: false);
        }

        if (double.IsInfinity(value))
        {
            return new ClaimValue(value > 0 ? "Infinity" : "-Infinity", isJson: false);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return new ClaimValue(text.IndexOfAny(DecimalMarks) < 0 ? text + ".0" : text, isJson: true);
    }
}
