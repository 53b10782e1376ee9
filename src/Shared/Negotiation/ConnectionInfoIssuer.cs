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

    // The last hub's lower-cased name and client URL: a negotiate function has one hub, so most calls reuse them.
    private ResolvedHub? _lastHub;

    public ConnectionInfoIssuer(ServiceConnectionResolver resolver, TimeProvider timeProvider)
    {
        _resolver = resolver;
        _timeProvider = timeProvider;
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
        var connection = _resolver.GetConnection(settingName);
        var pending = connection.GetSigningKeyAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return new ValueTask<IssuedConnectionInfo>(Issue(connection, pending.Result, hub, userId, claims, lifetimeSeconds, inputs));
        }

        return new ValueTask<IssuedConnectionInfo>(IssueAfterKeyAsync(connection, pending, hub, userId, claims, lifetimeSeconds, inputs));
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
