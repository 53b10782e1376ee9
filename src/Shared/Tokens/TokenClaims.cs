using System.Collections.Generic;
using System.Security.Claims;

namespace SignalRInfo.Core;

/// <summary>
/// The claims one token carries: copied claims (from an ID token, or from a <see cref="Claim"/> list that the rules
/// rename, merge or drop, or whose values have JSON types), or a <see cref="Claim"/> list that no rule touches, written
/// as it is — each claim a string under a type of its own — without a copy of each claim (<see cref="ClaimListReader"/>
/// decides). <c>default</c> is no claims.
/// </summary>
internal readonly struct TokenClaims
{
    private readonly IReadOnlyList<CopiedClaim>? _copied;
    private readonly Claim[]? _plain;

    public TokenClaims(IReadOnlyList<CopiedClaim>? copied)
    {
        _copied = copied;
        _plain = null;
    }

    private TokenClaims(Claim[] plain)
    {
        _copied = null;
        _plain = plain;
    }

    /// <summary>How many claim types (a type with several values counts once).</summary>
    public int Count => _plain?.Length ?? _copied?.Count ?? 0;

    /// <summary>Claims that no rule touches (the caller has checked), written as strings under their own types.</summary>
    public static TokenClaims Plain(Claim[] claims) => new(claims);

    /// <summary>The type of claim <paramref name="index"/>, as written.</summary>
    public string TypeAt(int index) => _plain is not null ? _plain[index].Type : _copied![index].Type;

    /// <summary>How many values claim <paramref name="index"/> has (several are written as an array).</summary>
    public int ValueCountAt(int index) => _plain is not null ? 1 : _copied![index].Count;

    /// <summary>Value <paramref name="value"/> of claim <paramref name="index"/>.</summary>
    public ClaimValue ValueAt(int index, int value) => _plain is not null ? new ClaimValue(_plain[index].Value, isJson: false) : _copied![index][value];
}
