using System.Collections.Generic;

namespace SignalRInfo.Core;

/// <summary>A claim type (after renaming) with its values in order; several values are written as a JSON array.</summary>
internal sealed class CopiedClaim
{
    public CopiedClaim(string type)
    {
        Type = type;
    }

    public string Type { get; }

    public List<ClaimValue> Values { get; } = new();
}
