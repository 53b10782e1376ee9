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
    private readonly string _defaultSetting;
    private readonly long _defaultLifetimeSeconds;

    public SignalRNegotiator(ConnectionInfoIssuer issuer)
    {
        _issuer = issuer;
        _defaultSetting = issuer.Resolver.Settings.DefaultConnectionSetting;
        _defaultLifetimeSeconds = (long)issuer.Resolver.Settings.TokenLifetime.TotalSeconds;
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

        // The configured defaults were checked when they were set.
        var lifetimeSeconds = _defaultLifetimeSeconds;
        var setting = _defaultSetting;
        string? userId = null;
        var claims = default(TokenClaims);
        if (options is not null)
        {
            if (options.TokenLifetime is { } lifetime)
            {
                if (lifetime < NegotiateSettings.MinTokenLifetime || lifetime > NegotiateSettings.MaxTokenLifetime)
                {
                    throw new ArgumentOutOfRangeException(nameof(options), ErrorMessages.Format(ErrorMessages.NegotiatorTokenLifetimeOutOfRange, lifetime));
                }

                lifetimeSeconds = (long)lifetime.TotalSeconds;
            }

            if (!string.IsNullOrWhiteSpace(options.ConnectionStringSetting))
            {
                setting = options.ConnectionStringSetting!.Trim();
            }

            userId = options.UserId;
            claims = ClaimListReader.Read(options.Claims);
        }

        var pending = _issuer.IssueAsync(setting, hubName, userId, claims, lifetimeSeconds, TokenInputs.Negotiator, cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<SignalRConnectionInfo>(ToInfo(pending.Result)) : AwaitAsync(pending);
    }

    private static async ValueTask<SignalRConnectionInfo> AwaitAsync(ValueTask<IssuedConnectionInfo> pending) => ToInfo(await pending.ConfigureAwait(false));

    private static SignalRConnectionInfo ToInfo(IssuedConnectionInfo issued) => new() { Url = issued.Url, AccessToken = issued.AccessToken };
}
