using System.Collections.Generic;
using System.Linq;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>A copied claim's values as a sequence, for assertions.</summary>
internal static class CopiedClaimExtensions
{
    public static IEnumerable<ClaimValue> Values(this CopiedClaim claim) => Enumerable.Range(0, claim.Count).Select(i => claim[i]);
}
