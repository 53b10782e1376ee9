using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>
/// One configured SignalR Service connection: its endpoints and where its signing key comes from. A small closed
/// hierarchy: <see cref="AccessKeyConnection"/> (key from the connection string) and the identity connection
/// (key issued by the service to a Microsoft Entra ID credential).
/// </summary>
internal abstract class ServiceConnection
{
    private protected ServiceConnection(string settingName, ServiceEndpoint endpoint)
    {
        SettingName = settingName;
        Endpoint = endpoint;
    }

    /// <summary>The configuration setting the connection was read from.</summary>
    public string SettingName { get; }

    /// <summary>The service endpoints.</summary>
    public ServiceEndpoint Endpoint { get; }

    /// <summary>The hub of the last negotiation on this connection, with its client URL (immutable; replaced, never changed).</summary>
    internal ResolvedHub? LastHub { get; set; }

    /// <summary>The key to sign the next token with.</summary>
    public abstract ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken);
}
