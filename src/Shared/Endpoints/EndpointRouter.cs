using System;
using System.Collections.Generic;
using System.Threading;

namespace SignalRInfo.Core;

/// <summary>
/// Orders the endpoints of a set for one negotiation (README, "Several SignalR Service instances"): the first is the
/// one to use, the rest are what to try when it cannot sign. The routing mode picks the first among online endpoints
/// (primaries, then secondaries); a custom <see cref="ISignalREndpointRouter"/> picks it instead; the others follow
/// online primaries, online secondaries, then offline ones (never left out: a key may still be there).
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

    /// <summary>The endpoints in the order to try them; empty when none is online (the caller reports why).</summary>
    public List<ConfiguredEndpoint> Order(IReadOnlyList<ConfiguredEndpoint> endpoints, string hub, string? userId)
    {
        var online = new List<ConfiguredEndpoint>(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Health.IsOnline)
            {
                online.Add(endpoint);
            }
        }

        var first = _custom is null ? null : Custom(endpoints, hub, userId);
        if (first is null)
        {
            if (online.Count == 0)
            {
                return online;
            }

            var primaries = online.FindAll(e => e.Type == SignalREndpointType.Primary);
            var pool = primaries.Count > 0 ? primaries : online;
            first = _options.Mode switch
            {
                SignalRRoutingMode.UserHash when !string.IsNullOrEmpty(userId) => Rendezvous(pool, userId!),
                SignalRRoutingMode.Weighted => Weighted(pool),
                SignalRRoutingMode.Priority => Priority(online),
                _ => pool[_random.Value!.Next(pool.Count)],
            };
        }

        var order = new List<ConfiguredEndpoint>(endpoints.Count) { first };
        foreach (var group in new[] { SignalREndpointType.Primary, SignalREndpointType.Secondary })
        {
            foreach (var endpoint in online)
            {
                if (endpoint.Type == group && !ReferenceEquals(endpoint, first))
                {
                    order.Add(endpoint);
                }
            }
        }

        foreach (var endpoint in endpoints)
        {
            if (!endpoint.Health.IsOnline && !ReferenceEquals(endpoint, first))
            {
                order.Add(endpoint);
            }
        }

        return order;
    }

    /// <summary>Rendezvous (highest random weight) hashing: the endpoint with the highest hash of (user, endpoint).</summary>
    internal static ConfiguredEndpoint Rendezvous(IReadOnlyList<ConfiguredEndpoint> pool, string userId)
    {
        var best = pool[0];
        var bestScore = StableHash.Of(userId, best.Identity);
        for (var i = 1; i < pool.Count; i++)
        {
            var score = StableHash.Of(userId, pool[i].Identity);
            if (score > bestScore)
            {
                best = pool[i];
                bestScore = score;
            }
        }

        return best;
    }

    private ConfiguredEndpoint Weighted(List<ConfiguredEndpoint> pool)
    {
        long total = 0;
        foreach (var endpoint in pool)
        {
            total += Weight(endpoint);
        }

        if (total <= 0)
        {
            return pool[_random.Value!.Next(pool.Count)];
        }

        var pick = (long)(_random.Value!.NextDouble() * total);
        foreach (var endpoint in pool)
        {
            pick -= Weight(endpoint);
            if (pick < 0)
            {
                return endpoint;
            }
        }

        return pool[pool.Count - 1];
    }

    private int Weight(ConfiguredEndpoint endpoint) => _options.Weights.TryGetValue(endpoint.Name, out var weight) ? Math.Max(0, weight) : 1;

    private ConfiguredEndpoint Priority(List<ConfiguredEndpoint> online)
    {
        foreach (var name in _options.Order)
        {
            foreach (var endpoint in online)
            {
                if (string.Equals(endpoint.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return endpoint;
                }
            }
        }

        var primary = online.Find(e => e.Type == SignalREndpointType.Primary);
        return primary ?? online[0];
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
