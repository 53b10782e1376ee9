using System;
using System.Collections.Generic;
using System.Threading;

namespace SignalRInfo.Core;

/// <summary>
/// Picks the endpoint of one negotiation among an endpoint set's online endpoints (README, "Several SignalR Service
/// instances"): the routing mode picks among online primaries (online secondaries when no primary is online); a custom
/// <see cref="ISignalREndpointRouter"/> picks instead. When the pick cannot sign, <see cref="Fallbacks"/> gives the
/// rest to try: online primaries, online secondaries (for <see cref="SignalRRoutingMode.Priority"/>: in the listed
/// order), then offline ones. When nothing is online there is no pick: the caller reports every endpoint and why.
/// </summary>
internal sealed class EndpointRouter
{
    private readonly SignalRRoutingOptions _options;
    private readonly ISignalREndpointRouter? _custom;
    private readonly ThreadLocal<Random> _random;

    public EndpointRouter(SignalRRoutingOptions options, ISignalREndpointRouter? custom = null)
        : this(options, custom, seed: null)
    {
    }

    /// <summary>Test seam: a fixed <paramref name="seed"/> makes the random choices repeatable.</summary>
    internal EndpointRouter(SignalRRoutingOptions options, ISignalREndpointRouter? custom, int? seed)
    {
        _options = options;
        _custom = custom;
        _random = new ThreadLocal<Random>(() => new Random(seed ?? Guid.NewGuid().GetHashCode()));
    }

    /// <summary>The endpoint to negotiate with, or null when none is online (and no custom router chose one).</summary>
    public ConfiguredEndpoint? Choose(IReadOnlyList<ConfiguredEndpoint> endpoints, string hub, string? userId)
    {
        if (_custom is not null && Custom(endpoints, hub, userId) is { } chosen)
        {
            return chosen;
        }

        // The pool: online primaries, else online secondaries. Counted first, so the common case allocates nothing.
        var type = SignalREndpointType.Primary;
        var count = CountOnline(endpoints, type);
        if (count == 0)
        {
            type = SignalREndpointType.Secondary;
            count = CountOnline(endpoints, type);
            if (count == 0)
            {
                return null;
            }
        }

        switch (_options.Mode)
        {
            case SignalRRoutingMode.UserHash when !string.IsNullOrEmpty(userId):
                return Rendezvous(endpoints, type, userId!);
            case SignalRRoutingMode.Weighted:
                // Weight 0 is never chosen while another endpoint is online: then a secondary, else any of the pool.
                return Weighted(endpoints, type)
                    ?? (type == SignalREndpointType.Primary ? Weighted(endpoints, SignalREndpointType.Secondary) : null)
                    ?? Nth(endpoints, type, _random.Value!.Next(count));
            case SignalRRoutingMode.Priority:
                return Priority(endpoints);
            default:
                return Nth(endpoints, type, _random.Value!.Next(count));
        }
    }

    /// <summary>What to try after <paramref name="first"/> could not sign, in order.</summary>
    public List<ConfiguredEndpoint> Fallbacks(IReadOnlyList<ConfiguredEndpoint> endpoints, ConfiguredEndpoint first)
    {
        var order = new List<ConfiguredEndpoint>(endpoints.Count);
        if (_options.Mode == SignalRRoutingMode.Priority)
        {
            foreach (var name in _options.Order)
            {
                foreach (var endpoint in endpoints)
                {
                    if (endpoint.Health.IsOnline && string.Equals(endpoint.Name, name, StringComparison.OrdinalIgnoreCase) && !order.Contains(endpoint))
                    {
                        order.Add(endpoint);
                    }
                }
            }
        }

        foreach (var type in new[] { SignalREndpointType.Primary, SignalREndpointType.Secondary })
        {
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Type == type && endpoint.Health.IsOnline && !order.Contains(endpoint))
                {
                    order.Add(endpoint);
                }
            }
        }

        foreach (var endpoint in endpoints)
        {
            if (!order.Contains(endpoint))
            {
                order.Add(endpoint);
            }
        }

        order.Remove(first);
        return order;
    }

    /// <summary>The pick followed by the fallbacks (for tests and callers that want the whole order); empty when none is online.</summary>
    public List<ConfiguredEndpoint> Order(IReadOnlyList<ConfiguredEndpoint> endpoints, string hub, string? userId)
    {
        var first = Choose(endpoints, hub, userId);
        if (first is null)
        {
            return new List<ConfiguredEndpoint>();
        }

        var order = Fallbacks(endpoints, first);
        order.Insert(0, first);
        return order;
    }

    /// <summary>Rendezvous (highest random weight) hashing: the online endpoint of the type with the highest hash of (user, endpoint).</summary>
    internal static ConfiguredEndpoint Rendezvous(IReadOnlyList<ConfiguredEndpoint> endpoints, SignalREndpointType type, string userId)
    {
        ConfiguredEndpoint? best = null;
        var bestScore = 0UL;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Type != type || !endpoint.Health.IsOnline)
            {
                continue;
            }

            var score = StableHash.Of(userId, endpoint.Identity);
            if (best is null || score > bestScore)
            {
                best = endpoint;
                bestScore = score;
            }
        }

        return best!;
    }

    private static int CountOnline(IReadOnlyList<ConfiguredEndpoint> endpoints, SignalREndpointType type)
    {
        var count = 0;
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i].Type == type && endpoints[i].Health.IsOnline)
            {
                count++;
            }
        }

        return count;
    }

    private static ConfiguredEndpoint Nth(IReadOnlyList<ConfiguredEndpoint> endpoints, SignalREndpointType type, int n)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            if (endpoint.Type == type && endpoint.Health.IsOnline && n-- == 0)
            {
                return endpoint;
            }
        }

        throw new InvalidOperationException("unreachable: fewer online endpoints than counted");
    }

    /// <summary>A random online endpoint of the type in proportion to its weight, or null when all weigh 0.</summary>
    private ConfiguredEndpoint? Weighted(IReadOnlyList<ConfiguredEndpoint> endpoints, SignalREndpointType type)
    {
        long total = 0;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Type == type && endpoint.Health.IsOnline)
            {
                total += Weight(endpoint);
            }
        }

        if (total <= 0)
        {
            return null;
        }

        var pick = (long)(_random.Value!.NextDouble() * total);
        ConfiguredEndpoint? last = null;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Type != type || !endpoint.Health.IsOnline || Weight(endpoint) == 0)
            {
                continue;
            }

            last = endpoint;
            pick -= Weight(endpoint);
            if (pick < 0)
            {
                return endpoint;
            }
        }

        return last;
    }

    private int Weight(ConfiguredEndpoint endpoint) => _options.Weights.TryGetValue(endpoint.Name, out var weight) ? Math.Max(0, weight) : 1;

    /// <summary>The first online endpoint of the order, then the first online primary, then the first online one.</summary>
    private ConfiguredEndpoint Priority(IReadOnlyList<ConfiguredEndpoint> endpoints)
    {
        foreach (var name in _options.Order)
        {
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Health.IsOnline && string.Equals(endpoint.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return endpoint;
                }
            }
        }

        ConfiguredEndpoint? secondary = null;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Health.IsOnline)
            {
                if (endpoint.Type == SignalREndpointType.Primary)
                {
                    return endpoint;
                }

                secondary ??= endpoint;
            }
        }

        return secondary!;
    }

    private ConfiguredEndpoint? Custom(IReadOnlyList<ConfiguredEndpoint> endpoints, string hub, string? userId)
    {
        var views = new SignalREndpoint[endpoints.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = endpoints[i].ToPublic();
        }

        var chosen = _custom!.ChooseEndpoint(hub, userId, views);
        if (chosen is null)
        {
            return null;
        }

        var index = Array.IndexOf(views, chosen);
        if (index < 0)
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.RouterReturnedUnknownEndpoint, _custom.GetType().FullName));
        }

        return endpoints[index];
    }
}
