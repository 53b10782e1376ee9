using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Turns a resolved <see cref="SignalRNegotiationAttribute"/> into a <see cref="SignalRNegotiationContext"/> (a token per
/// instance) and a <see cref="SignalREndpointsAttribute"/> into the instances with their health.
/// </summary>
internal sealed class SignalRNegotiationConverter :
    IAsyncConverter<SignalRNegotiationAttribute, SignalRNegotiationContext>,
    IAsyncConverter<SignalREndpointsAttribute, SignalREndpoint[]>
{
    private readonly ConnectionInfoIssuer _issuer;
    private readonly INameResolver _nameResolver;
    private readonly long _defaultLifetimeSeconds;

    public SignalRNegotiationConverter(ConnectionInfoIssuer issuer, INameResolver nameResolver)
    {
        _issuer = issuer;
        _nameResolver = nameResolver;
        _defaultLifetimeSeconds = (long)issuer.Resolver.Settings.TokenLifetime.TotalSeconds;
    }

    /// <inheritdoc />
    public async Task<SignalRNegotiationContext> ConvertAsync(SignalRNegotiationAttribute input, CancellationToken cancellationToken)
    {
        var hub = ResolvedHubName.Check(input.HubName);

        var setting = ConnectionSettingNames.Resolve(input.ConnectionStringSetting, _nameResolver);
        var claims = new TokenClaims(IdTokenClaimReader.Read(input.IdToken, input.ClaimTypeList));
        var lifetime = input.TokenLifetimeSeconds > 0 ? input.TokenLifetimeSeconds : _defaultLifetimeSeconds;
        var issued = await _issuer.IssueAllAsync(setting, hub, input.UserId, claims, lifetime, TokenInputs.Binding, cancellationToken).ConfigureAwait(false);
        var endpoints = new SignalREndpointConnectionInfo[issued.Length];
        for (var i = 0; i < issued.Length; i++)
        {
            var (endpoint, info) = issued[i];
            endpoints[i] = new SignalREndpointConnectionInfo
            {
                EndpointType = endpoint.Type,
                Name = endpoint.Name,
                Endpoint = endpoint.Identity,
                Online = endpoint.Health.IsOnline,
                ConnectionInfo = info is { } value ? new SignalRConnectionInfo { Url = value.Url, AccessToken = value.AccessToken } : null,
            };
        }

        return new SignalRNegotiationContext { Endpoints = endpoints };
    }

    /// <inheritdoc />
    public Task<SignalREndpoint[]> ConvertAsync(SignalREndpointsAttribute input, CancellationToken cancellationToken)
    {
        var set = _issuer.Resolver.GetEndpoints(ConnectionSettingNames.Resolve(input.ConnectionStringSetting, _nameResolver));
        var endpoints = new SignalREndpoint[set.Endpoints.Count];
        for (var i = 0; i < endpoints.Length; i++)
        {
            if (!set.IsSingle)
            {
                set.Endpoints[i].Health.ProbeIfDue();
            }

            endpoints[i] = set.Endpoints[i].ToPublic();
        }

        return Task.FromResult(endpoints);
    }
}
