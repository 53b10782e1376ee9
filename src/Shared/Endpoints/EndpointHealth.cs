using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// The health of one SignalR Service instance, learned without a server connection (README, "Several SignalR Service
/// instances"). It starts online (no start-up probe). When its last result is older than the probe interval (while
/// online) or than the back-off (while offline), the next negotiation starts one probe in the background — single
/// flight, never awaited by a negotiation. Offline after <c>OfflineAfterFailures</c> failures in a row (a probe, or a
/// failed Microsoft Entra ID key fetch), online again after one success; while offline the back-off doubles from 5
/// seconds up to the probe interval. Transitions are logged.
/// </summary>
internal sealed partial class EndpointHealth
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);

    private readonly Uri _healthUri;
    private readonly string _description;
    private readonly IEndpointHealthProbe _probe;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly int _offlineAfter;
    private readonly object _gate = new();
    private bool _online = true;
    private int _failures;
    private string? _lastFailure;
    private long _lastResultTicks;
    private TimeSpan _backoff = FirstBackoff;
    private int _probing;

    public EndpointHealth(Uri healthUri, string description, IEndpointHealthProbe probe, TimeProvider timeProvider, ILogger logger, TimeSpan interval, int offlineAfter)
    {
        _healthUri = healthUri;
        _description = description;
        _probe = probe;
        _timeProvider = timeProvider;
        _logger = logger;
        _interval = interval;
        _offlineAfter = Math.Max(1, offlineAfter);
        _lastResultTicks = timeProvider.GetUtcNow().UtcTicks;
    }

    /// <summary>Whether the instance takes clients.</summary>
    public bool IsOnline => Volatile.Read(ref _online);

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
    public void ProbeIfDue()
    {
        var now = _timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            var due = _online ? _interval : _backoff;
            if (now - _lastResultTicks < due.Ticks || _probing != 0)
            {
                return;
            }

            _probing = 1;
        }

        PendingProbe = Task.Run(ProbeAsync);
    }

    /// <summary>Records a success (a probe answered healthy).</summary>
    public void ReportSuccess()
    {
        bool cameBack;
        lock (_gate)
        {
            _failures = 0;
            _lastResultTicks = _timeProvider.GetUtcNow().UtcTicks;
            cameBack = !_online;
            _online = true;
            _backoff = FirstBackoff;
            _lastFailure = null;
        }

        if (cameBack)
        {
            Log.EndpointOnline(_logger, _description);
        }
    }

    /// <summary>Records a failure: a probe that failed, or a key the instance did not issue.</summary>
    public void ReportFailure(string reason)
    {
        bool wentOffline;
        lock (_gate)
        {
            _failures++;
            _lastFailure = reason;
            _lastResultTicks = _timeProvider.GetUtcNow().UtcTicks;
            wentOffline = _online && _failures >= _offlineAfter;
            if (wentOffline)
            {
                _online = false;
            }
            else if (!_online)
            {
                _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, Math.Max(_interval.Ticks, FirstBackoff.Ticks)));
            }
        }

        if (wentOffline)
        {
            Log.EndpointOffline(_logger, _description, _failures, reason);
        }
        else
        {
            Log.EndpointCheckFailed(_logger, _description, reason);
        }
    }

    private async Task ProbeAsync()
    {
        try
        {
            var failure = await _probe.ProbeAsync(_healthUri, CancellationToken.None).ConfigureAwait(false);
            if (failure is null)
            {
                ReportSuccess();
            }
            else
            {
                ReportFailure(failure);
            }
        }
        catch (Exception ex)
        {
            ReportFailure("the health probe failed: " + ex.GetType().Name);
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
