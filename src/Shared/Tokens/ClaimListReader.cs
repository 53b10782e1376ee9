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

    /// <summary>The claims to copy, or null when there are none.</summary>
    /// <exception cref="ArgumentException">A claim in the list is null.</exception>
    public static IReadOnlyList<CopiedClaim>? Read(IEnumerable<Claim>? claims)
    {
        if (claims is null)
        {
            return null;
        }

        var subSeen = false;
        if (claims is Claim[] array)
        {
            // Arrays and lists (what callers pass) without an enumerator.
            var copied = new CopiedClaimList(array.Length);
            for (var i = 0; i < array.Length; i++)
            {
                Add(ref copied, array[i], i, ref subSeen);
            }

            return copied.ToList();
        }

        if (claims is IList<Claim> list)
        {
            var copied = new CopiedClaimList(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                Add(ref copied, list[i], i, ref subSeen);
            }

            return copied.ToList();
        }

        var all = new CopiedClaimList(4);
        var index = 0;
        foreach (var claim in claims)
        {
            Add(ref all, claim, index++, ref subSeen);
        }

        return all.ToList();
    }

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
