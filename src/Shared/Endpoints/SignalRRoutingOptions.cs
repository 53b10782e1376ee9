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

    /// <summary>How old an endpoint's last health result may be before a negotiation starts a new probe. Default two minutes.</summary>
    public TimeSpan HealthProbeInterval { get; set; } = DefaultHealthProbeInterval;

    /// <summary>How many failed probes or key fetches in a row make an endpoint offline. Default 2.</summary>
    public int OfflineAfterFailures { get; set; } = 2;
}
