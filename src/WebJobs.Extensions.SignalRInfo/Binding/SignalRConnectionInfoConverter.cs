using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Turns a resolved <see cref="SignalRConnectionInfoAttribute"/> or <see cref="SignalRInfoAttribute"/> (binding
/// expressions already applied) into a <see cref="SignalRConnectionInfo"/>: per call it checks the resolved hub, reads
/// the IdToken's claims, and lets the shared issuer take the cached connection's key and mint the token.
/// <see cref="ConnectionInfoBinding"/> calls it with the values it resolved itself; WebJobs' BindToInput rule (for
/// parameter types other than ours) with an attribute it cloned.
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

    /// <summary>The app settings <c>%name%</c> forms are resolved through.</summary>
    public INameResolver NameResolver => _nameResolver;

    /// <inheritdoc />
    public Task<SignalRConnectionInfo> ConvertAsync(SignalRConnectionInfoAttribute input, CancellationToken cancellationToken) => ConvertAsync(input, input.HubName, input.UserId, input.IdToken, cancellationToken).AsTask();

    /// <inheritdoc />
    public Task<SignalRConnectionInfo> ConvertAsync(SignalRInfoAttribute input, CancellationToken cancellationToken) => ConvertAsync(input, input.HubName, input.UserId, input.IdToken, cancellationToken).AsTask();

    /// <summary>
    /// The connection info for the binding <paramref name="attribute"/> (its ConnectionStringSetting, ClaimTypeList and
    /// TokenLifetimeSeconds, which hold no binding expressions) with the per-call values already resolved.
    /// </summary>
    /// <exception cref="System.InvalidOperationException">The resolved hub is missing or invalid, the setting is missing, or the token is too long.</exception>
    /// <exception cref="System.ArgumentException">The IdToken is not a readable JWT, or the user id or a claim holds a lone surrogate.</exception>
    public ValueTask<SignalRConnectionInfo> ConvertAsync(SignalRConnectionInfoAttributeBase attribute, string? hubName, string? userId, string? idToken, CancellationToken cancellationToken)
    {
        var hub = ResolvedHubName.Check(hubName);

        var setting = ConnectionSettingNames.Resolve(attribute.ConnectionStringSetting, _nameResolver);
        var claims = new TokenClaims(IdTokenClaimReader.Read(idToken, attribute.ClaimTypeList));
        var lifetime = attribute.TokenLifetimeSeconds > 0 ? attribute.TokenLifetimeSeconds : _defaultLifetimeSeconds;
        var pending = _issuer.IssueAsync(setting, hub, userId, claims, lifetime, TokenInputs.Binding, cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<SignalRConnectionInfo>(ToInfo(pending.Result)) : AwaitAsync(pending);
    }

    private static async ValueTask<SignalRConnectionInfo> AwaitAsync(ValueTask<IssuedConnectionInfo> pending) => ToInfo(await pending.ConfigureAwait(false));

    private static SignalRConnectionInfo ToInfo(IssuedConnectionInfo issued) => new() { Url = issued.Url, AccessToken = issued.AccessToken };
}
