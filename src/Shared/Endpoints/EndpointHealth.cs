using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// The health of one SignalR Service instance, learned without a server connection (README, "Several SignalR Service
/// instances"). It starts online (no start-up probe). When its last probe result is older than the probe interval
/// (while online) or than the back-off (while offline), the next negotiation starts one probe in the background —
/// single flight, never awaited by a negotiation. Offline after <c>OfflineAfterFailures</c> failures in a row (a
/// probe, or a Microsoft Entra ID key the instance did not issue: counted at most once per 5 seconds, so that many
/// negotiations waiting on one failed fetch count once), online again after one successful probe (only a probe resets
/// the count: a key that signs proves nothing about the instance, an access key always signs). While offline the back-off doubles from 5 seconds up to the probe interval. Times come from the
/// clock's monotonic timestamp. Transitions are logged.
/// </summary>
internal sealed partial class EndpointHealth
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);

    private readonly IEndpointHealthProbe _probe;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly int _offlineAfter;
    private readonly object _gate = new();
    private volatile bool _online = true;
    private int _failures;
    private string? _lastFailure;
    private long _lastProbeTimestamp;
    private long _lastKeyFailureTimestamp;
    private long _dueTicks;
    private TimeSpan _backoff = FirstBackoff;
    private int _probing;

    public EndpointHealth(Uri healthUri, string description, IEndpointHealthProbe probe, TimeProvider timeProvider, ILogger logger, TimeSpan interval, int offlineAfter)
    {
        HealthUri = healthUri;
        Description = description;
        _probe = probe;
        _timeProvider = timeProvider;
        _logger = logger;
        _interval = interval;
        _offlineAfter = Math.Max(1, offlineAfter);
        _lastProbeTimestamp = timeProvider.GetTimestamp();
        _lastKeyFailureTimestamp = long.MinValue;
        _dueTicks = interval.Ticks;
    }

    /// <summary>What is probed: <c>{server endpoint}/api/health</c>.</summary>
    public Uri HealthUri { get; }

    /// <summary>How logs and messages name the instance.</summary>
    public string Description { get; }

    /// <summary>Whether the instance takes clients.</summary>
    public bool IsOnline => _online;

    /// <summary>Why it is offline (the last failure), or null while online.</summary>
    public string? OfflineReason
    {
        get
        {
            lock (_gate)
            {
                return _online ? null : _lastFailure;
            }
        }
    }

    /// <summary>The probe task in flight, if any (for tests).</summary>
    internal Task? PendingProbe { get; private set; }

    /// <summary>Starts a background probe when the last result is due for one; returns at once.</summary>
    /// <returns>True when this call started a probe.</returns>
    public bool ProbeIfDue() => ProbeIfDue(_timeProvider.GetTimestamp());

    /// <summary>As <see cref="ProbeIfDue()"/>, at <paramref name="now"/> (the clock's timestamp, taken once for a whole set).</summary>
    public bool ProbeIfDue(long now)
    {
        // Lock-free until a probe is due: a negotiation pays two reads per endpoint.
        if (Elapsed(Volatile.Read(ref _lastProbeTimestamp), now) < Volatile.Read(ref _dueTicks))
        {
            return false;
        }

        lock (_gate)
        {
            if (_probing != 0 || Elapsed(_lastProbeTimestamp, now) < _dueTicks)
            {
                return false;
            }

            _probing = 1;
        }

        PendingProbe = Task.Run(ProbeAsync);
        return true;
    }

    /// <summary>Records a successful probe.</summary>
    public void ReportProbeSuccess()
    {
        bool cameBack;
        lock (_gate)
        {
            _failures = 0;
            Volatile.Write(ref _lastProbeTimestamp, _timeProvider.GetTimestamp());
            cameBack = !_online;
            _online = true;
            _backoff = FirstBackoff;
            _lastFailure = null;
            Volatile.Write(ref _dueTicks, _interval.Ticks);
        }

        if (cameBack)
        {
            Log.EndpointOnline(_logger, Description);
        }
    }

    /// <summary>Records a failed probe: counts toward offline; while offline, doubles the back-off.</summary>
    public void ReportProbeFailure(string reason)
    {
        lock (_gate)
        {
            Volatile.Write(ref _lastProbeTimestamp, _timeProvider.GetTimestamp());
            if (!_online)
            {
                _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, Math.Max(_interval.Ticks, FirstBackoff.Ticks)));
                Volatile.Write(ref _dueTicks, _backoff.Ticks);
            }
        }

        CountFailure(reason);
    }

    /// <summary>
    /// Records that the instance could not sign (its Microsoft Entra ID key is unavailable): counts toward offline at
    /// most once per 5 seconds, and leaves the probe schedule alone.
    /// </summary>
    public void ReportKeyFailure(string reason)
    {
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (_lastKeyFailureTimestamp != long.MinValue && Elapsed(_lastKeyFailureTimestamp, now) < FirstBackoff.Ticks)
            {
                return;
            }

            _lastKeyFailureTimestamp = now;
        }

        CountFailure(reason);
    }

    private void CountFailure(string reason)
    {
        bool wentOffline;
        int failures;
        lock (_gate)
        {
            _failures++;
            failures = _failures;
            _lastFailure = reason;
            wentOffline = _online && _failures >= _offlineAfter;
            if (wentOffline)
            {
                _online = false;
                _backoff = FirstBackoff;
                Volatile.Write(ref _dueTicks, _backoff.Ticks);
            }
        }

        if (wentOffline)
        {
            Log.EndpointOffline(_logger, Description, failures, reason);
        }
        else
        {
            Log.EndpointCheckFailed(_logger, Description, reason);
        }
    }

    private long Elapsed(long from, long to) => (long)((to - from) * ((double)TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency));

    private async Task ProbeAsync()
    {
        try
        {
            var failure = await _probe.ProbeAsync(HealthUri, CancellationToken.None).ConfigureAwait(false);
            if (failure is null)
            {
                ReportProbeSuccess();
            }
            else
            {
                ReportProbeFailure(failure);
            }
        }
        catch (Exception ex)
        {
            ReportProbeFailure("the health probe failed: " + ex.GetType().Name);
        }
        finally
        {
            lock (_gate)
            {
                _probing = 0;
            }
        }
    }
}
