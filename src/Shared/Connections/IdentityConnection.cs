using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>
/// A connection whose signing key the service issues to a Microsoft Entra ID identity (README, "Microsoft Entra ID"): the key
/// comes from the shared <see cref="IdentityKeyProvider"/> of its key endpoint + credential. A failure names the
/// setting, the key endpoint, the credential and the cause.
/// </summary>
internal sealed class IdentityConnection : ServiceConnection
{
    private readonly NegotiateSettings _settings;

    public IdentityConnection(string settingName, ServiceEndpoint endpoint, IdentityKeyProvider provider, NegotiateSettings settings)
        : base(settingName, endpoint)
    {
        Provider = provider;
        _settings = settings;
    }

    /// <summary>The shared key provider.</summary>
    internal IdentityKeyProvider Provider { get; }

    /// <summary>What credential is used, without secrets.</summary>
    public string CredentialDescription => Provider.CredentialDescription;

    /// <inheritdoc />
    public override ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        var pending = Provider.GetKeyAsync(_settings.IdentityKeyWaitTimeout, cancellationToken, _settings.IdentityKeyWaitTimeoutName);
        return pending.IsCompletedSuccessfully ? pending : new ValueTask<SigningKey>(WaitAsync(pending));
    }

    private async Task<SigningKey> WaitAsync(ValueTask<SigningKey> pending)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (IdentityKeyException ex)
        {
            throw new IdentityKeyUnavailableException(ErrorMessages.Format(ErrorMessages.IdentityKeyUnavailable, SettingName, Endpoint.AccessKeyUri, CredentialDescription, ex.Message), ex);
        }
    }
}
