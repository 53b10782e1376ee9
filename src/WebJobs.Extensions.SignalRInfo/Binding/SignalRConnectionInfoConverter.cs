using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Turns a resolved <see cref="SignalRConnectionInfoAttribute"/> or <see cref="SignalRInfoAttribute"/> (binding
/// expressions already applied) into a <see cref="SignalRConnectionInfo"/>: per call it checks the resolved hub, reads
/// the IdToken's claims, and lets the shared issuer take the cached connection's key and mint the token.
/// </summary>
internal sealed class SignalRConnectionInfoConverter :
    IAsyncConverter<SignalRConnectionInfoAttribute, SignalRConnectionInfo>,
    IAsyncConverter<SignalRInfoAttribute, SignalRConnectionInfo>
{
    private readonly ConnectionInfoIssuer _issuer;
    private readonly INameResolver _nameResolver;
    private readonly long _defaultLifetimeSeconds;

    public SignalRConnectionInfoConverter(ConnectionInfoIssuer issuer, INameResolver nameResolver)
    {
        _issuer = issuer;
        _nameResolver = nameResolver;
        _defaultLifetimeSeconds = (long)issuer.Resolver.Settings.TokenLifetime.TotalSeconds;
    }

    /// <inheritdoc />
    public Task<SignalRConnectionInfo> ConvertAsync(SignalRConnectionInfoAttribute input, CancellationToken cancellationToken) => Convert(input, cancellationToken);

    /// <inheritdoc />
    public Task<SignalRConnectionInfo> ConvertAsync(SignalRInfoAttribute input, CancellationToken cancellationToken) => Convert(input, cancellationToken);

    private Task<SignalRConnectionInfo> Convert(SignalRConnectionInfoAttributeBase input, CancellationToken cancellationToken)
    {
        var hub = ResolvedHubName.Check(input.HubName);

        var setting = ConnectionSettingNames.Resolve(input.ConnectionStringSetting, _nameResolver);
        var claims = IdTokenClaimReader.Read(input.IdToken, input.ClaimTypeList);
        var lifetime = input.TokenLifetimeSeconds > 0 ? input.TokenLifetimeSeconds : _defaultLifetimeSeconds;
        var pending = _issuer.IssueAsync(setting, hub, input.UserId, claims, lifetime, TokenInputs.Binding, cancellationToken);
        return pending.IsCompletedSuccessfully ? Task.FromResult(ToInfo(pending.Result)) : AwaitAsync(pending);
    }

    private static async Task<SignalRConnectionInfo> AwaitAsync(ValueTask<IssuedConnectionInfo> pending) => ToInfo(await pending.ConfigureAwait(false));

    private static SignalRConnectionInfo ToInfo(IssuedConnectionInfo issued) => new() { Url = issued.Url, AccessToken = issued.AccessToken };
}
