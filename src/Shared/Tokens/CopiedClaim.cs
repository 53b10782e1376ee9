using System;
using System.Collections.Generic;

namespace SignalRInfo.Core;

/// <summary>
/// A claim type (after renaming) with its values in order; several values are written as a JSON array. The first
/// value is held inline, so the usual claim with one value is one object.
/// </summary>
internal sealed class CopiedClaim
{
    private readonly ClaimValue _first;
    private List<ClaimValue>? _more;

    public CopiedClaim(string type, ClaimValue value)
    {
        Type = type;
        _first = value;
        Count = 1;
    }

    public string Type { get; }

    /// <summary>How many values the claim has.</summary>
    public int Count { get; private set; }

    /// <summary>Value <paramref name="index"/>, in order.</summary>
    public ClaimValue this[int index] => index == 0 ? _first : index < Count ? _more![index - 1] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Adds a value after the others.</summary>
    public void Add(ClaimValue value)
    {
        (_more ??= new List<ClaimValue>(2)).Add(value);
        Count++;
    }
}
