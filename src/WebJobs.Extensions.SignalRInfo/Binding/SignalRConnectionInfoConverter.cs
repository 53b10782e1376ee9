using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Turns a resolved <see cref="SignalRConnectionInfoAttribute"/> or <see cref="SignalRInfoAttribute"/> (binding
/// expressions already applied) into a <see cref="SignalRConnectionInfo"/>: per call it checks the resolved values,
/// takes the cached connection and its key, and mints the token.
/// </summary>
internal sealed class SignalRConnectionInfoConverter :
    IAsyncConverter<SignalRConnectionInfoAttribute, SignalRConnectionInfo>,
    IAsyncConverter<SignalRInfoAttribute, SignalRConnectionInfo>
{
    private readonly ServiceConnectionResolver _resolver;
    private readonly IOptions<SignalRInfoOptions> _options;
    private readonly TimeProvider _timeProvider;

    // The last hub's lower-cased name and client URL: a negotiate function has one hub, so most calls reuse them.
    private ResolvedHub? _lastHub;

    public SignalRConnectionInfoConverter(ServiceConnectionResolver resolver, IOptions<SignalRInfoOptions> options, TimeProvider timeProvider)
    {
        _resolver = resolver;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public Task<SignalRConnectionInfo> ConvertAsync(SignalRConnectionInfoAttribute input, CancellationToken cancellationToken) => Convert(input, cancellationToken);

    /// <inheritdoc />
    public Task<SignalRConnectionInfo> ConvertAsync(SignalRInfoAttribute input, CancellationToken cancellationToken) => Convert(input, cancellationToken);

    private Task<SignalRConnectionInfo> Convert(SignalRConnectionInfoAttributeBase input, CancellationToken cancellationToken)
    {
        var hub = input.HubName;
        if (!HubNames.IsValid(hub))
        {
            // The value comes from the request: quoted, truncated and escaped, so it cannot forge a log line.
            throw new InvalidOperationException(string.IsNullOrEmpty(hub) ? ErrorMessages.HubNameMissing : ErrorMessages.Format(ErrorMessages.HubNameResolvedInvalid, ErrorMessages.RequestValue(hub!)));
        }

        var connection = _resolver.GetConnection(_resolver.ResolveSettingName(input.ConnectionStringSetting));
        var pending = connection.GetSigningKeyAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return Task.FromResult(Create(input, hub!, connection, pending.Result));
        }

        return CreateAsync(input, hub!, connection, pending);
    }

    private async Task<SignalRConnectionInfo> CreateAsync(SignalRConnectionInfoAttributeBase input, string hub, ServiceConnection connection, ValueTask<SigningKey> pending)
    {
        var key = await pending.ConfigureAwait(false);
        return Create(input, hub, connection, key);
    }

    private SignalRConnectionInfo Create(SignalRConnectionInfoAttributeBase input, string hub, ServiceConnection connection, SigningKey key)
    {
        var claims = IdTokenClaimReader.Read(input.IdToken, input.ClaimTypeList);
        var lifetime = input.TokenLifetimeSeconds > 0 ? input.TokenLifetimeSeconds : (long)_options.Value.TokenLifetime.TotalSeconds;
        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var endpoint = connection.Endpoint;
        var names = _lastHub;
        if (names is null || !ReferenceEquals(names.Endpoint, endpoint) || !string.Equals(names.Hub, hub, StringComparison.Ordinal))
        {
            names = new ResolvedHub(endpoint, hub);
            _lastHub = names;
        }

        return new SignalRConnectionInfo
        {
            Url = names.ClientUrl,
            AccessToken = AccessTokenWriter.Write(key, endpoint.AudiencePrefix, names.LowerHub, input.UserId, claims, now, lifetime),
        };
    }

    /// <summary>A hub as the binding resolved it, its lower-cased name and its client URL on one endpoint (immutable).</summary>
    private sealed class ResolvedHub
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
    }
}
