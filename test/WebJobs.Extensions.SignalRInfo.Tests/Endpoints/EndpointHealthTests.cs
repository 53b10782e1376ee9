using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>The health state machine on a fake clock with a scripted probe: no start-up probe, lazy single flight, N failures, back-off.</summary>
public sealed class EndpointHealthTests
{
    private static (EndpointHealth Health, EndpointTestSet.ScriptedProbe Probe, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time, CapturingLoggerProvider Logs) Create()
    {
        var set = new EndpointTestSet();
        var logs = new CapturingLoggerProvider();
        var logger = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)).CreateLogger("test");
        var health = new EndpointHealth(new Uri("https://east.service.signalr.net/api/health"), "'east'", set.Probe, set.Time, logger, TimeSpan.FromMinutes(2), 2);
        return (health, set.Probe, set.Time, logs);
    }

    [Fact]
    public void New_IsOnlineAndNotProbed()
    {
        var (health, probe, _, _) = Create();

        Assert.False(health.ProbeIfDue());

        Assert.True(health.IsOnline);
        Assert.Null(health.PendingProbe);
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task ProbeIfDue_AfterTheInterval_StartsOneProbeForManyCallers()
    {
        var (health, probe, time, _) = Create();
        probe.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        time.Advance(TimeSpan.FromMinutes(2));

        var started = Enumerable.Range(0, 50).Count(_ => health.ProbeIfDue());
        Assert.Equal(1, started);

        // The callers returned at once (none waits); one probe is in flight.
        await WaitUntilAsync(() => probe.Calls == 1);
        probe.Hold.SetResult();
        await health.PendingProbe!;
        Assert.Equal(1, probe.Calls);

        Assert.False(health.ProbeIfDue());
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task Failures_OfflineAfterTwoInARow_OnlineAfterOneSuccess_Logged()
    {
        var (health, probe, time, logs) = Create();
        probe.Answer("east.service.signalr.net", "the health probe answered 503");

        time.Advance(TimeSpan.FromMinutes(2));
        health.ProbeIfDue();
        await health.PendingProbe!;
        Assert.True(health.IsOnline);

        time.Advance(TimeSpan.FromMinutes(2));
        health.ProbeIfDue();
        await health.PendingProbe!;
        Assert.False(health.IsOnline);
        Assert.Equal("the health probe answered 503", health.OfflineReason);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 30 && e.Message.Contains("'east'", StringComparison.Ordinal));

        // Offline: probed again after the back-off (5 s), not after the interval.
        probe.Answer("east.service.signalr.net", null);
        time.Advance(TimeSpan.FromSeconds(5));
        health.ProbeIfDue();
        await health.PendingProbe!;
        Assert.True(health.IsOnline);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 31);
    }

    [Fact]
    public async Task Backoff_DoublesWhileOffline_UpToTheInterval()
    {
        var (health, probe, time, _) = Create();
        probe.Answer("east.service.signalr.net", "still down");
        health.ReportProbeFailure("a");
        health.ReportProbeFailure("b");
        Assert.False(health.IsOnline);

        var waits = new[] { 5, 10, 20, 40, 80, 120, 120 };
        foreach (var seconds in waits)
        {
            var before = probe.Calls;
            time.Advance(TimeSpan.FromSeconds(seconds - 1));
            Assert.False(health.ProbeIfDue(), "probed before " + seconds + " s");

            time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(health.ProbeIfDue(), "not probed after " + seconds + " s");
            await health.PendingProbe!;
            Assert.Equal(before + 1, probe.Calls);
            Assert.False(health.IsOnline);
        }
    }

    [Fact]
    public void KeyFailure_CountsAsAFailure_OncePerFiveSeconds()
    {
        var (health, _, time, _) = Create();

        health.ReportKeyFailure("its Microsoft Entra ID key is unavailable");
        Assert.True(health.IsOnline);

        // Many negotiations waiting on one failed fetch count once.
        for (var i = 0; i < 20; i++)
        {
            health.ReportKeyFailure("its Microsoft Entra ID key is unavailable");
        }

        Assert.True(health.IsOnline);
        time.Advance(TimeSpan.FromSeconds(5));
        health.ReportKeyFailure("its Microsoft Entra ID key is unavailable");

        Assert.False(health.IsOnline);
        Assert.Equal("its Microsoft Entra ID key is unavailable", health.OfflineReason);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
