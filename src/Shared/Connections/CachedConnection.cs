using Microsoft.Extensions.Primitives;

namespace SignalRInfo.Core;

/// <summary>A resolved connection, the fingerprint of the setting it came from, and the reload token it is valid until.</summary>
internal sealed class CachedConnection
{
    public CachedConnection(IChangeToken reloadToken, string fingerprint, ServiceConnection connection)
    {
        ReloadToken = reloadToken;
        Fingerprint = fingerprint;
        Connection = connection;
    }

    /// <summary>The configuration's reload token taken before the setting was read: once it fires, the setting is read again.</summary>
    public IChangeToken ReloadToken { get; }

    public string Fingerprint { get; }

    public ServiceConnection Connection { get; }
}
