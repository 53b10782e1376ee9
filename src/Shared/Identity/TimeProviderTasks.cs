using System;
using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>
/// Delays and timeouts measured by a <see cref="TimeProvider"/> (the DI clock), on both target frameworks, so that
/// tests drive them with a fake clock instead of waiting.
/// </summary>
internal static class TimeProviderTasks
{
    /// <summary>A task that completes after <paramref name="delay"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public static Task Delay(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }

    /// <summary>A source that cancels itself after <paramref name="delay"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public static CancellationTokenSource CancelAfter(TimeProvider timeProvider, TimeSpan delay)
    {
#if NET
        return new CancellationTokenSource(delay, timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(delay);
#endif
    }
}
