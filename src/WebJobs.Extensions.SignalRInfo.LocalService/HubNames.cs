using System.Text.RegularExpressions;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>Hub names the service accepts, compared lower-cased.</summary>
internal static partial class HubNames
{
    public static bool IsValid(string hub) => Pattern().IsMatch(hub);

    /// <summary>The hub as the service keys it: lower-cased with the invariant culture.</summary>
    public static string Normalize(string hub) => hub.ToLowerInvariant();

    // \z, not $: '$' also matches before a final '\n', so 'chat\n' would pass.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_`,.\[\]]{0,127}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
