using System;
using System.Threading;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// A clock whose timers fire <see cref="Early"/> before their due time as measured by <see cref="GetUtcNow"/>, as system
/// timers (monotonic clock) do against the wall clock. Time moves only when the inner fake clock is advanced.
/// </summary>
internal sealed class EarlyTimerTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;

    public EarlyTimerTimeProvider(TimeProvider inner, TimeSpan early)
    {
        _inner = inner;
        Early = early;
    }

    public TimeSpan Early { get; }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EarlyTimer(_inner.CreateTimer(callback, state, Shorten(dueTime), period), this);

    private TimeSpan Shorten(TimeSpan dueTime) =>
        dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime > Early ? dueTime - Early : TimeSpan.Zero;

    private sealed class EarlyTimer : ITimer
    {
        private readonly ITimer _timer;
        private readonly EarlyTimerTimeProvider _clock;

        public EarlyTimer(ITimer timer, EarlyTimerTimeProvider clock)
        {
            _timer = timer;
            _clock = clock;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(_clock.Shorten(dueTime), period);

        public void Dispose() => _timer.Dispose();

        public System.Threading.Tasks.ValueTask DisposeAsync() => _timer.DisposeAsync();
    }
}
