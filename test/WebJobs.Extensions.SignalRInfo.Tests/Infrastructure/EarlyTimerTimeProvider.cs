using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers (those of <see cref="Task.Delay(TimeSpan, TimeProvider)"/> and of
/// <see cref="CancellationTokenSource"/> too) fire <see cref="Early"/> before their due time as measured by
/// <see cref="FakeTimeProvider.GetUtcNow"/>, as system timers (monotonic clock) may against the wall clock.
/// </summary>
/// <remarks>
/// A subclass, because <see cref="FakeTimeProvider.Advance"/> cannot show this race: a plain FakeTimeProvider fires a timer
/// only once its clock has reached the due time, so inside the callback GetUtcNow() is never before it. Here every due
/// time (at creation and in <see cref="ITimer.Change"/>) is shortened by <see cref="Early"/>; time still moves only
/// when the test advances this clock.
/// </remarks>
internal sealed class EarlyTimerTimeProvider : FakeTimeProvider
{
    public EarlyTimerTimeProvider(DateTimeOffset start, TimeSpan early)
        : base(start) => Early = early;

    public TimeSpan Early { get; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EarlyTimer(base.CreateTimer(callback, state, Shorten(dueTime), period), this);

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

        public ValueTask DisposeAsync() => _timer.DisposeAsync();
    }
}
