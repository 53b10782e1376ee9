using System.Collections.Generic;

namespace SignalRInfo.Core;

/// <summary>
/// The SignalR Service instances a connection setting stands for: the setting itself (an unnamed primary) and those under
/// <c>Azure:SignalR:Endpoints</c>, primaries first (the setting itself, then by name, as configuration lists entries), one per instance.
/// </summary>
internal sealed class EndpointSet
{
    public EndpointSet(IReadOnlyList<ConfiguredEndpoint> endpoints)
    {
        Endpoints = endpoints;
    }

    public IReadOnlyList<ConfiguredEndpoint> Endpoints { get; }

    /// <summary>True when there is one instance: no routing, no health probes.</summary>
    public bool IsSingle => Endpoints.Count == 1;
}
