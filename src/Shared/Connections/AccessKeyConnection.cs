using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>A connection whose connection string carries the access key: the key is prepared once.</summary>
internal sealed class AccessKeyConnection : ServiceConnection
{
    private readonly SigningKey _key;

    public AccessKeyConnection(string settingName, ServiceEndpoint endpoint, string accessKey)
        : base(settingName, endpoint)
    {
        _key = SigningKey.FromAccessKey(accessKey);
    }

    /// <inheritdoc />
    public override ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => new(_key);
}
