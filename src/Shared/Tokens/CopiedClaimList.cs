using System;
using System.Collections.Generic;

namespace SignalRInfo.Core;

/// <summary>
/// The claims a reader copies, in order of first appearance, in one array: allocated with the first claim at the
/// capacity the reader expects, grown when full, trimmed when handed over.
/// </summary>
internal struct CopiedClaimList
{
    private readonly int _capacity;
    private CopiedClaim[]? _items;
    private int _count;

    public CopiedClaimList(int capacity)
    {
        _capacity = Math.Max(capacity, 1);
        _items = null;
        _count = 0;
    }

    /// <summary>The claim of <paramref name="type"/> (exact), or null.</summary>
    public readonly CopiedClaim? Find(string type)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_items![i].Type == type)
            {
                return _items[i];
            }
        }

        return null;
    }

    /// <summary>Adds a claim after the others.</summary>
    public void Add(CopiedClaim claim)
    {
        _items ??= new CopiedClaim[_capacity];
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        _items[_count++] = claim;
    }

    /// <summary>The claims, or null when there are none.</summary>
    public readonly IReadOnlyList<CopiedClaim>? ToList()
    {
        if (_count == 0)
        {
            return null;
        }

        if (_count == _items!.Length)
        {
            return _items;
        }

        var trimmed = new CopiedClaim[_count];
        Array.Copy(_items, trimmed, _count);
        return trimmed;
    }
}
