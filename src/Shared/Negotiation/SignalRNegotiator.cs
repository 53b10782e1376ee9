using System;
using System.Threading;
using System.Threading.Tasks;

// Compiled into both packages, in each package's own namespace, for its own SignalRConnectionInfo.
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>The <see cref="ISignalRNegotiator"/> of the package: checks the call's inputs, then the shared issuer mints.</summary>
internal sealed class SignalRNegotiator : ISignalRNegotiator
{
    private readonly ConnectionInfoIssuer _issuer;
    private readonly NegotiateSettings _settings;

    public SignalRNegotiator(ConnectionInfoIssuer issuer)
    {
        _issuer = issuer;
        _settings = issuer.Resolver.Settings;
    }

    /// <inheritdoc />
    public ValueTask<SignalRConnectionInfo> NegotiateAsync(string hubName, SignalRNegotiateOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!HubNames.IsValid(hubName))
        {
            // The name may come from a request (a route value): quoted, truncated and escaped.
            throw new ArgumentException(
                string.IsNullOrEmpty(hubName) ? ErrorMessages.NegotiatorHubNameMissing : ErrorMessages.Format(ErrorMessages.NegotiatorHubNameInvalid, ErrorMessages.RequestValue(hubName)),
                nameof(hubName));
        }

        var lifetime = options?.TokenLifetime ?? _settings.TokenLifetime;
        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > NegotiateSettings.MaxTokenLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(options), ErrorMessages.Format(ErrorMessages.NegotiatorTokenLifetimeOutOfRange, lifetime));
        }

        var setting = string.IsNullOrWhiteSpace(options?.ConnectionStringSetting) ? _settings.DefaultConnectionSetting : options!.ConnectionStringSetting!.Trim();
        var claims = ClaimListReader.Read(options?.Claims);
        var pending = _issuer.IssueAsync(setting, hubName, options?.UserId, claims, (long)lifetime.TotalSeconds, TokenInputs.Negotiator, cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<SignalRConnectionInfo>(ToInfo(pending.Result)) : AwaitAsync(pending);
    }

    private static async ValueTask<SignalRConnectionInfo> AwaitAsync(ValueTask<IssuedConnectionInfo> pending) => ToInfo(await pending.ConfigureAwait(false));

    private static SignalRConnectionInfo ToInfo(IssuedConnectionInfo issued) => new() { Url = issued.Url, AccessToken = issued.AccessToken };
}
