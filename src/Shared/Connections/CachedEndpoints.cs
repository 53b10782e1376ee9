using Microsoft.Extensions.Primitives;

namespace SignalRInfo.Core;

/// <summary>A resolved endpoint set and the reload token it is valid until.</summary>
internal sealed class CachedEndpoints
{
    public CachedEndpoints(IChangeToken reloadToken, EndpointSet endpoints)
    {
        ReloadToken = reloadToken;
        Endpoints = endpoints;
    }

    public IChangeToken ReloadToken { get; }

    public EndpointSet Endpoints { get; }
}
