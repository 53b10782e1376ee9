using System;
using System.Collections.Generic;

// Compiled into both packages, in each package's own namespace (README, "Several SignalR Service instances").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>
/// Routing among several SignalR Service instances (host.json <c>extensions:signalRInfo:routing</c>; in the worker,
/// <c>SignalRNegotiatorOptions.Routing</c>). Used only when more than one endpoint is configured.
/// </summary>
public sealed class SignalRRoutingOptions
{
    /// <summary>The default time after which an endpoint's health is probed again: two minutes.</summary>
    public static readonly TimeSpan DefaultHealthProbeInterval = TimeSpan.FromMinutes(2);

    /// <summary>The routing mode. Default <see cref="SignalRRoutingMode.Random"/>.</summary>
    public SignalRRoutingMode Mode { get; set; }

    /// <summary>For <see cref="SignalRRoutingMode.Weighted"/>: an integer weight (0 or more) per endpoint name; unlisted endpoints weigh 1.</summary>
    public IDictionary<string, int> Weights { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>For <see cref="SignalRRoutingMode.Priority"/>: endpoint names, most preferred first.</summary>
    public IList<string> Order { get; } = new List<string>();

    private TimeSpan _healthProbeInterval = DefaultHealthProbeInterval;
    private int _offlineAfterFailures = 2;

    /// <summary>How old an endpoint's last health result may be before a negotiation starts a new probe. Default two minutes; 1 second to 1 hour.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public TimeSpan HealthProbeInterval
    {
        get => _healthProbeInterval;
        set => _healthProbeInterval = value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromHours(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(HealthProbeInterval), ErrorMessages.Format(ErrorMessages.HealthProbeIntervalOutOfRange, value));
    }

    /// <summary>How many failed probes or key fetches in a row make an endpoint offline. Default 2; 1 to 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public int OfflineAfterFailures
    {
        get => _offlineAfterFailures;
        set => _offlineAfterFailures = value >= 1 && value <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OfflineAfterFailures), ErrorMessages.Format(ErrorMessages.OfflineAfterFailuresOutOfRange, value));
    }
}
