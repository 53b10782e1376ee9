using System;

namespace SignalRInfo.Core;

/// <summary>A hub as given, its lower-cased name and its client URL on one endpoint (immutable).</summary>
internal sealed class ResolvedHub
{
    public ResolvedHub(ServiceEndpoint endpoint, string hub)
    {
        Endpoint = endpoint;
        Hub = hub;
        LowerHub = hub.ToLowerInvariant();
        ClientUrl = endpoint.GetClientUrl(LowerHub);
    }

    public ServiceEndpoint Endpoint { get; }

    public string Hub { get; }

    public string LowerHub { get; }

    public string ClientUrl { get; }

    /// <summary>True when this is <paramref name="hub"/> on <paramref name="endpoint"/>.</summary>
    public bool Is(ServiceEndpoint endpoint, string hub) => ReferenceEquals(Endpoint, endpoint) && string.Equals(Hub, hub, StringComparison.Ordinal);
}
