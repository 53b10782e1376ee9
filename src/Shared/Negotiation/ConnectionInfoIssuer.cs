using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>
/// The one negotiate step both packages share, for the bindings and <c>ISignalRNegotiator</c> alike: takes the
/// connection's signing key (synchronously while one is held) and mints the token for a valid hub, user id, claims
/// and lifetime. Callers check their inputs first and word the errors for what the user sets.
/// </summary>
internal sealed class ConnectionInfoIssuer
{
    private readonly ServiceConnectionResolver _resolver;
    private readonly TimeProvider _timeProvider;
    private readonly EndpointRouter _router;

    // The last hub's lower-cased name and client URL: a negotiate function has one hub, so most calls reuse them.
    private ResolvedHub? _lastHub;

    public ConnectionInfoIssuer(ServiceConnectionResolver resolver, TimeProvider timeProvider, EndpointRouter? router = null)
    {
        _resolver = resolver;
        _timeProvider = timeProvider;
        _router = router ?? new EndpointRouter(resolver.Settings.Routing);
    }

    /// <summary>The resolver connections come from.</summary>
    public ServiceConnectionResolver Resolver => _resolver;

    /// <summary>Issues the URL and token of <paramref name="hub"/> (already checked with <see cref="HubNames.IsValid"/>).</summary>
    /// <param name="settingName">The connection setting.</param>
    /// <param name="hub">The hub name as given.</param>
    /// <param name="userId">The user id, or null.</param>
    /// <param name="claims">The claims to copy, or null.</param>
    /// <param name="lifetimeSeconds">The token lifetime in seconds, 1 to 86400.</param>
    /// <param name="inputs">Where user id and claims came from, for the messages.</param>
    /// <param name="cancellationToken">Cancels a wait for an identity key.</param>
    public ValueTask<IssuedConnectionInfo> IssueAsync(string settingName, string hub, string? userId, IReadOnlyList<CopiedClaim>? claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        var set = _resolver.GetEndpoints(settingName);
        if (!set.IsSingle)
        {
            return new ValueTask<IssuedConnectionInfo>(IssueRoutedAsync(set, hub, userId, claims, lifetimeSeconds, inputs, cancellationToken));
        }

        var connection = set.Endpoints[0].Connection;
        var pending = connection.GetSigningKeyAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return new ValueTask<IssuedConnectionInfo>(Issue(connection, pending.Result, hub, userId, claims, lifetimeSeconds, inputs));
        }

        return new ValueTask<IssuedConnectionInfo>(IssueAfterKeyAsync(connection, pending, hub, userId, claims, lifetimeSeconds, inputs));
    }

    /// <summary>
    /// One URL and token per configured instance (for <c>[SignalRNegotiation]</c>), primaries first; an instance whose key
    /// is unavailable gets no connection info and counts a failure. Never waits for a health probe.
    /// </summary>
    public async Task<(ConfiguredEndpoint Endpoint, IssuedConnectionInfo? Info)[]> IssueAllAsync(string settingName, string hub, string? userId, IReadOnlyList<CopiedClaim>? claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        var set = _resolver.GetEndpoints(settingName);
        var results = new (ConfiguredEndpoint Endpoint, IssuedConnectionInfo? Info)[set.Endpoints.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var endpoint = set.Endpoints[i];
            if (!set.IsSingle)
            {
                endpoint.Health.ProbeIfDue();
            }

            try
            {
                var key = await endpoint.Connection.GetSigningKeyAsync(cancellationToken).ConfigureAwait(false);
                results[i] = (endpoint, Issue(endpoint.Connection, key, hub, userId, claims, lifetimeSeconds, inputs));
            }
            catch (InvalidOperationException) when (!set.IsSingle && !cancellationToken.IsCancellationRequested)
            {
                endpoint.Health.ReportFailure("its Microsoft Entra ID key is unavailable");
                results[i] = (endpoint, null);
            }
        }

        return results;
    }

    /// <summary>
    /// Several instances: starts the probes that are due (never waits for them), lets the router order the endpoints,
    /// and signs with the first that has a key; an endpoint whose key is unavailable counts a failure and the next
    /// one is tried.
    /// </summary>
    private async Task<IssuedConnectionInfo> IssueRoutedAsync(EndpointSet set, string hub, string? userId, IReadOnlyList<CopiedClaim>? claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        foreach (var endpoint in set.Endpoints)
        {
            endpoint.Health.ProbeIfDue();
        }

        var order = _router.Order(set.Endpoints, hub, userId);
        if (order.Count == 0)
        {
            var reasons = new List<string>(set.Endpoints.Count);
            foreach (var endpoint in set.Endpoints)
            {
                reasons.Add(endpoint.Description + ": " + (endpoint.Health.OfflineReason ?? "offline"));
            }

            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.NoEndpointOnline, hub, string.Join("; ", reasons)));
        }

        for (var i = 0; ; i++)
        {
            var endpoint = order[i];
            SigningKey key;
            try
            {
                key = await endpoint.Connection.GetSigningKeyAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException) when (i + 1 < order.Count && !cancellationToken.IsCancellationRequested)
            {
                endpoint.Health.ReportFailure("its Microsoft Entra ID key is unavailable");
                continue;
            }
            catch (InvalidOperationException)
            {
                endpoint.Health.ReportFailure("its Microsoft Entra ID key is unavailable");
                throw;
            }

            return Issue(endpoint.Connection, key, hub, userId, claims, lifetimeSeconds, inputs);
        }
    }

    private async Task<IssuedConnectionInfo> IssueAfterKeyAsync(ServiceConnection connection, ValueTask<SigningKey> pending, string hub, string? userId, IReadOnlyList<CopiedClaim>? claims, long lifetimeSeconds, TokenInputs inputs)
    {
        var key = await pending.ConfigureAwait(false);
        return Issue(connection, key, hub, userId, claims, lifetimeSeconds, inputs);
    }

    private IssuedConnectionInfo Issue(ServiceConnection connection, SigningKey key, string hub, string? userId, IReadOnlyList<CopiedClaim>? claims, long lifetimeSeconds, TokenInputs inputs)
    {
        var endpoint = connection.Endpoint;
        var names = _lastHub;
        if (names is null || !names.Is(endpoint, hub))
        {
            names = new ResolvedHub(endpoint, hub);
            _lastHub = names;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var token = AccessTokenWriter.Write(key, endpoint.AudiencePrefix, names.LowerHub, userId, claims, now, lifetimeSeconds, inputs);
        return new IssuedConnectionInfo(names.ClientUrl, token);
    }
}
