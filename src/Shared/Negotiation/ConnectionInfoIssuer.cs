using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// The one negotiate step both packages share, for the bindings and <c>ISignalRNegotiator</c> alike: takes the
/// connection's signing key (synchronously while one is held) and mints the token for a valid hub, user id, claims
/// and lifetime. With several SignalR Service instances it starts the health probes that are due (never waiting for
/// them), lets the router pick the instance, and fails over to the next one when the pick cannot sign. Callers check
/// their inputs first and word the errors for what the user sets.
/// </summary>
internal sealed partial class ConnectionInfoIssuer
{
    private const string KeyUnavailable = "its Microsoft Entra ID key is unavailable";

    private readonly ServiceConnectionResolver _resolver;
    private readonly TimeProvider _timeProvider;
    private readonly EndpointRouter _router;
    private readonly ILogger _logger;

    public ConnectionInfoIssuer(ServiceConnectionResolver resolver, TimeProvider timeProvider, EndpointRouter? router = null)
    {
        _resolver = resolver;
        _timeProvider = timeProvider;
        _router = router ?? new EndpointRouter(resolver.Settings.Routing);
        _logger = resolver.Logger;
    }

    /// <summary>The resolver connections come from.</summary>
    public ServiceConnectionResolver Resolver => _resolver;

    /// <summary>Issues the URL and token of <paramref name="hub"/> (already checked with <see cref="HubNames.IsValid"/>).</summary>
    /// <param name="settingName">The connection setting.</param>
    /// <param name="hub">The hub name as given.</param>
    /// <param name="userId">The user id, or null.</param>
    /// <param name="claims">The claims to write (none by default).</param>
    /// <param name="lifetimeSeconds">The token lifetime in seconds, 1 to 86400.</param>
    /// <param name="inputs">Where user id and claims came from, for the messages.</param>
    /// <param name="cancellationToken">Cancels a wait for an identity key.</param>
    public ValueTask<IssuedConnectionInfo> IssueAsync(string settingName, string hub, string? userId, TokenClaims claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        var set = _resolver.GetEndpoints(settingName);
        ConfiguredEndpoint endpoint;
        if (set.IsSingle)
        {
            endpoint = set.Endpoints[0];
        }
        else
        {
            var endpoints = set.Endpoints;
            var now = _timeProvider.GetTimestamp();
            for (var i = 0; i < endpoints.Count; i++)
            {
                endpoints[i].Health.ProbeIfDue(now);
            }

            endpoint = _router.Choose(endpoints, hub, userId) ?? throw NoneOnline(set, hub);
        }

        var pending = endpoint.Connection.GetSigningKeyAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return new ValueTask<IssuedConnectionInfo>(Issue(endpoint.Connection, pending.Result, hub, userId, claims, lifetimeSeconds, inputs));
        }

        return new ValueTask<IssuedConnectionInfo>(IssueAfterKeyAsync(set, endpoint, pending, hub, userId, claims, lifetimeSeconds, inputs, cancellationToken));
    }

    /// <summary>
    /// One URL and token per configured instance (for <c>[SignalRNegotiation]</c>), primaries first. Every key is asked
    /// for at once; an instance whose key is unavailable gets no connection info and counts a failure; when no instance
    /// can sign, the error names each one's cause. Never waits for a health probe.
    /// </summary>
    public async Task<(ConfiguredEndpoint Endpoint, IssuedConnectionInfo? Info)[]> IssueAllAsync(string settingName, string hub, string? userId, TokenClaims claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        var set = _resolver.GetEndpoints(settingName);
        var endpoints = set.Endpoints;
        var keys = new ValueTask<SigningKey>[endpoints.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            if (!set.IsSingle)
            {
                endpoints[i].Health.ProbeIfDue();
            }

            keys[i] = endpoints[i].Connection.GetSigningKeyAsync(cancellationToken);
        }

        var results = new (ConfiguredEndpoint Endpoint, IssuedConnectionInfo? Info)[keys.Length];
        List<string>? causes = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var endpoint = endpoints[i];
            try
            {
                var key = await keys[i].ConfigureAwait(false);
                results[i] = (endpoint, Issue(endpoint.Connection, key, hub, userId, claims, lifetimeSeconds, inputs));
            }
            catch (IdentityKeyUnavailableException ex) when (!set.IsSingle)
            {
                endpoint.Health.ReportKeyFailure(KeyUnavailable);
                (causes ??= new List<string>()).Add(endpoint.Description + ": " + ex.Message);
                results[i] = (endpoint, null);
            }
        }

        if (causes is not null && causes.Count == results.Length)
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.NoEndpointSigned, hub, string.Join(" | ", causes)));
        }

        return results;
    }

    private async Task<IssuedConnectionInfo> IssueAfterKeyAsync(EndpointSet set, ConfiguredEndpoint endpoint, ValueTask<SigningKey> pending, string hub, string? userId, TokenClaims claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            var key = await pending.ConfigureAwait(false);
            return Issue(endpoint.Connection, key, hub, userId, claims, lifetimeSeconds, inputs);
        }
        catch (IdentityKeyUnavailableException ex) when (!set.IsSingle && !cancellationToken.IsCancellationRequested)
        {
            endpoint.Health.ReportKeyFailure(KeyUnavailable);
            return await FailOverAsync(set, endpoint, ex, hub, userId, claims, lifetimeSeconds, inputs, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The chosen instance could not sign: the others in the router's fallback order, each cause kept.</summary>
    private async Task<IssuedConnectionInfo> FailOverAsync(EndpointSet set, ConfiguredEndpoint failed, IdentityKeyUnavailableException first, string hub, string? userId, TokenClaims claims, long lifetimeSeconds, TokenInputs inputs, CancellationToken cancellationToken)
    {
        var causes = new List<string> { failed.Description + ": " + first.Message };
        var previous = failed;
        foreach (var endpoint in _router.Fallbacks(set.Endpoints, failed))
        {
            Log.EndpointFailedOver(_logger, previous.Description, endpoint.Description);
            try
            {
                var key = await endpoint.Connection.GetSigningKeyAsync(cancellationToken).ConfigureAwait(false);
                return Issue(endpoint.Connection, key, hub, userId, claims, lifetimeSeconds, inputs);
            }
            catch (IdentityKeyUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
            {
                endpoint.Health.ReportKeyFailure(KeyUnavailable);
                causes.Add(endpoint.Description + ": " + ex.Message);
                previous = endpoint;
            }
        }

        throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.NoEndpointSigned, hub, string.Join(" | ", causes)), first);
    }

    private static InvalidOperationException NoneOnline(EndpointSet set, string hub)
    {
        var reasons = new List<string>(set.Endpoints.Count);
        foreach (var endpoint in set.Endpoints)
        {
            reasons.Add(endpoint.Description + ": " + (endpoint.Health.OfflineReason ?? "offline"));
        }

        return new InvalidOperationException(ErrorMessages.Format(ErrorMessages.NoEndpointOnline, hub, string.Join("; ", reasons)));
    }

    private IssuedConnectionInfo Issue(ServiceConnection connection, SigningKey key, string hub, string? userId, TokenClaims claims, long lifetimeSeconds, TokenInputs inputs)
    {
        // The last hub's lower-cased name and client URL, per connection: a negotiate function has one hub, so most
        // calls reuse them, whichever instance the router picks.
        var endpoint = connection.Endpoint;
        var names = connection.LastHub;
        if (names is null || !names.Is(endpoint, hub))
        {
            names = new ResolvedHub(endpoint, hub);
            connection.LastHub = names;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var token = AccessTokenWriter.Write(key, endpoint.AudiencePrefix, names.LowerHub, userId, claims, now, lifetimeSeconds, inputs);
        return new IssuedConnectionInfo(names.ClientUrl, token);
    }
}
