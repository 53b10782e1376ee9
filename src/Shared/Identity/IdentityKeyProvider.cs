using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// The Microsoft Entra ID key of one key endpoint + credential (README, "Microsoft Entra ID"), shared by every connection
/// setting that names the same pair. It keeps one key; concurrent callers share one in-flight fetch; a key older
/// than <see cref="IdentityKeyPolicy.RefreshAge"/> is refreshed in the background while callers keep signing with
/// it; it is unusable <see cref="IdentityKeyPolicy.KeyLifetime"/> after the last success. Only a caller without a
/// usable key waits, and for at most the time it is given. All timing comes from the <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class IdentityKeyProvider : IDisposable
{
    private readonly TokenCredential _credential;
    private readonly IdentityKeyClient _client;
    private readonly IdentityKeyPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly object _gate = new();
    private readonly SortedSet<string> _settingNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A refresh timer that fires less than this before the key is due (by <see cref="TimeProvider.GetUtcNow"/>) fetches
    /// anyway: timers run on the monotonic clock and may fire milliseconds early by the wall clock.
    /// </summary>
    internal static readonly TimeSpan EarlyTimerTolerance = TimeSpan.FromSeconds(1);

    private volatile CurrentKey? _current;
    private Task<FetchOutcome>? _fetch;
    private IdentityKeyException? _lastError;
    private DateTimeOffset _lastFailureAt;
    private ITimer? _refreshTimer;
    private bool _disposed;

    public IdentityKeyProvider(Uri accessKeyUri, TokenCredential credential, string credentialDescription, IdentityKeyClient client, IdentityKeyPolicy policy, TimeProvider timeProvider, ILogger logger, CancellationToken stopping)
    {
        AccessKeyUri = accessKeyUri;
        CredentialDescription = credentialDescription;
        _credential = credential;
        _client = client;
        _policy = policy;
        _timeProvider = timeProvider;
        _logger = logger;
        _stopping = stopping;
    }

    /// <summary>The key endpoint.</summary>
    public Uri AccessKeyUri { get; }

    /// <summary>What credential is used, without secrets.</summary>
    public string CredentialDescription { get; }

    /// <summary>The settings that use this key, for log messages.</summary>
    private string SettingNames
    {
        get
        {
            lock (_settingNames)
            {
                return string.Join(", ", _settingNames);
            }
        }
    }

    /// <summary>Records that <paramref name="settingName"/> uses this key (for log messages).</summary>
    public void AddSettingName(string settingName)
    {
        lock (_settingNames)
        {
            _settingNames.Add(settingName);
        }
    }

    /// <summary>Records that <paramref name="settingName"/> no longer uses this key; returns how many settings still do.</summary>
    public int RemoveSettingName(string settingName)
    {
        lock (_settingNames)
        {
            _settingNames.Remove(settingName);
            return _settingNames.Count;
        }
    }

    /// <summary>
    /// The key to sign with. Completes synchronously while a usable key is held (starting a background refresh when
    /// it is due); otherwise waits for the shared fetch for at most <paramref name="maxWait"/>.
    /// </summary>
    /// <exception cref="IdentityKeyException">No usable key: the fetch failed, or none arrived in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public ValueTask<SigningKey> GetKeyAsync(TimeSpan maxWait, CancellationToken cancellationToken, string maxWaitName = "IdentityKeyWaitTimeout")
    {
        var current = _current;
        if (current is not null)
        {
            var age = _timeProvider.GetUtcNow() - current.FetchedAt;
            if (age < _policy.KeyLifetime)
            {
                if (age >= _policy.RefreshAge)
                {
                    StartFetch(background: true);
                }

                return new ValueTask<SigningKey>(current.Key);
            }
        }

        return new ValueTask<SigningKey>(WaitForKeyAsync(maxWait, maxWaitName, cancellationToken));
    }

    /// <summary>Starts a fetch in the background unless one is running, a usable fresh key is held, or the last failure is too recent.</summary>
    public void StartFetch(bool background)
    {
        if (Volatile.Read(ref _fetch) is not null)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || _fetch is not null)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            var current = _current;
            var usable = current is not null && now - current.FetchedAt < _policy.KeyLifetime;
            if (usable && now - current!.FetchedAt < _policy.RefreshAge)
            {
                return;
            }

            if (_lastError is not null && now - _lastFailureAt < (usable ? _policy.RefreshRetryInterval : _policy.FailureBackoff))
            {
                return;
            }

            StartFetchLocked(background);
        }
    }

    /// <summary>Completes when no fetch is in flight (for tests).</summary>
    internal Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _fetch ?? Task.CompletedTask;
        }
    }

    /// <summary>True once disposed (released by every setting, or the host stopped): it refreshes no more.</summary>
    internal bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _refreshTimer?.Dispose();
            _refreshTimer = null;
        }
    }

    private async Task<SigningKey> WaitForKeyAsync(TimeSpan maxWait, string maxWaitName, CancellationToken cancellationToken)
    {
        // The deadline exists before the fetch starts, so a fake clock advanced after the request is seen always finds it.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = TimeProviderTasks.Delay(_timeProvider, maxWait, waiting.Token);
        Task<FetchOutcome> pending;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var current = _current;
            if (current is not null && now - current.FetchedAt < _policy.KeyLifetime)
            {
                waiting.Cancel();
                return current.Key;
            }

            if (_fetch is null)
            {
                if (_lastError is not null && now - _lastFailureAt < _policy.FailureBackoff)
                {
                    waiting.Cancel();
                    var retryIn = _policy.FailureBackoff - (now - _lastFailureAt);
                    throw new IdentityKeyException(
                        _lastError.Message + " " + ErrorMessages.Format(ErrorMessages.KeyRetryAfterBackoff, Math.Max(1, (int)Math.Ceiling(retryIn.TotalSeconds))),
                        _lastError.IsTransient,
                        _lastError.InnerException);
                }

                if (_disposed)
                {
                    waiting.Cancel();
                    throw new IdentityKeyException(ErrorMessages.KeyHostStopping, isTransient: false);
                }

                StartFetchLocked(background: false);
            }

            pending = _fetch!;
        }

        var first = await Task.WhenAny(pending, deadline).ConfigureAwait(false);
        waiting.Cancel();
        if (first == pending)
        {
            var outcome = pending.Result;
            if (outcome.Key is not null)
            {
                return outcome.Key;
            }

            // A fresh exception per caller: the shared one is never rethrown from many threads.
            throw new IdentityKeyException(outcome.Error!.Message, outcome.Error.IsTransient, outcome.Error.InnerException);
        }

        cancellationToken.ThrowIfCancellationRequested();
        IdentityKeyException? last;
        lock (_gate)
        {
            last = _lastError;
        }

        var cause = last is null ? ErrorMessages.KeyStillPending : last.Message;
        throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyWaitTimedOut, maxWait, cause, maxWaitName), isTransient: true, last?.InnerException);
    }

    private void StartFetchLocked(bool background)
    {
        Log.FetchStarted(_logger, SettingNames, AccessKeyUri, background);
        _fetch = Task.Run(FetchAsync);
    }

    private async Task<FetchOutcome> FetchAsync()
    {
        IdentityKeyException error;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var issued = await _client.GetKeyAsync(AccessKeyUri, _credential, _policy.CredentialTimeout, _policy.AttemptTimeout, _stopping).ConfigureAwait(false);
                var key = new SigningKey(issued.KeyId, issued.AccessKey);
                lock (_gate)
                {
                    _current = new CurrentKey(key, _timeProvider.GetUtcNow());
                    _lastError = null;
                    ScheduleRefreshLocked(_policy.RefreshAge);
                }

                // The fetch counts as in flight until its outcome is logged (WhenIdleAsync then sees the log line).
                Log.KeyFetched(_logger, SettingNames, AccessKeyUri, issued.KeyId, attempt);
                EndFetch();
                return new FetchOutcome(key, null);
            }
            catch (IdentityKeyException ex)
            {
                error = ex;
            }
            catch (Exception ex)
            {
                error = new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyUnexpectedFailure, ex.GetType().Name), isTransient: false, ex);
            }

            if (!error.IsTransient || attempt >= _policy.MaxAttempts || _stopping.IsCancellationRequested)
            {
                break;
            }

            var delay = _policy.RetryDelay(attempt);
            Log.AttemptFailed(_logger, SettingNames, AccessKeyUri, attempt, _policy.MaxAttempts, delay, error.Message, null);
            try
            {
                await TimeProviderTasks.Delay(_timeProvider, delay, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                error = new IdentityKeyException(ErrorMessages.KeyHostStopping, isTransient: false, ex);
                break;
            }
        }

        bool usable;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            _lastError = error;
            _lastFailureAt = now;
            var current = _current;
            usable = current is not null && now - current.FetchedAt < _policy.KeyLifetime;
            if (usable)
            {
                ScheduleRefreshLocked(_policy.RefreshRetryInterval);
            }
        }

        if (!_stopping.IsCancellationRequested)
        {
            Log.FetchFailed(_logger, SettingNames, AccessKeyUri, CredentialDescription, error.Message, usable ? ErrorMessages.KeyFailureKeepsCurrentKey : ErrorMessages.KeyFailureNoKey, error);
        }

        EndFetch();
        return new FetchOutcome(null, error);
    }

    private void EndFetch()
    {
        lock (_gate)
        {
            _fetch = null;
        }
    }

    private void ScheduleRefreshLocked(TimeSpan dueTime)
    {
        if (_disposed)
        {
            return;
        }

        if (_refreshTimer is null)
        {
            _refreshTimer = _timeProvider.CreateTimer(static state => ((IdentityKeyProvider)state!).OnRefreshTimer(), this, dueTime, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _refreshTimer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// The refresh (or retry) timer fired: fetch, unless a fetch is running (it re-arms the timer when it ends) or the
    /// timer fired well before its time, then re-arm for the remainder. Never returns without doing one of the three, so
    /// the background refresh cannot stop.
    /// </summary>
    private void OnRefreshTimer()
    {
        lock (_gate)
        {
            if (_disposed || _fetch is not null)
            {
                return;
            }

            var current = _current;
            if (current is not null)
            {
                var dueAt = _lastError is not null && _lastFailureAt >= current.FetchedAt
                    ? _lastFailureAt + _policy.RefreshRetryInterval
                    : current.FetchedAt + _policy.RefreshAge;
                var remaining = dueAt - _timeProvider.GetUtcNow();
                if (remaining > EarlyTimerTolerance)
                {
                    ScheduleRefreshLocked(remaining);
                    return;
                }
            }

            StartFetchLocked(background: true);
        }
    }

    private sealed class CurrentKey
    {
        public CurrentKey(SigningKey key, DateTimeOffset fetchedAt)
        {
            Key = key;
            FetchedAt = fetchedAt;
        }

        public SigningKey Key { get; }

        public DateTimeOffset FetchedAt { get; }
    }

    private readonly struct FetchOutcome
    {
        public FetchOutcome(SigningKey? key, IdentityKeyException? error)
        {
            Key = key;
            Error = error;
        }

        public SigningKey? Key { get; }

        public IdentityKeyException? Error { get; }
    }
}
