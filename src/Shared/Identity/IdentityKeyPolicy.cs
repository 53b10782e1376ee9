using System;

namespace SignalRInfo.Core;

/// <summary>
/// When a Microsoft Entra ID key is fetched, refreshed, retried and given up (README, "Microsoft Entra ID"). One instance per
/// host from DI; tests register their own to shorten the retry delays.
/// </summary>
internal sealed class IdentityKeyPolicy
{
    /// <summary>A key older than this is refreshed in the background (the SDK's 55 minutes).</summary>
    public TimeSpan RefreshAge { get; set; } = TimeSpan.FromMinutes(55);

    /// <summary>A key is unusable this long after the last successful fetch (the SDK's 120 minutes).</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromMinutes(120);

    /// <summary>Attempts per fetch when the failures are transient (5xx, 408, 429, network, timeout).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait after the first failed attempt; it doubles after each further one (1 s, 2 s).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one key request may take before it counts as a (transient) timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the credential may take to return an Entra token before the attempt counts as a (transient) timeout.
    /// Longer than <see cref="AttemptTimeout"/>: DefaultAzureCredential may try several sources (the Azure CLI alone
    /// may take 13 s); a credential that never answers must not hold the fetch, and every later one, for good.
    /// </summary>
    public TimeSpan CredentialTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// While no usable key exists, a failed fetch is not repeated sooner than this: negotiations in between fail
    /// at once with the last error, the first one after it tries again (the SDK waits 5 minutes).
    /// </summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>While the current key is still usable, a failed background refresh is repeated after this.</summary>
    public TimeSpan RefreshRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts) => TimeSpan.FromTicks(FirstRetryDelay.Ticks << Math.Min(Math.Max(failedAttempts - 1, 0), 10));
}
