using Microsoft.Extensions.Primitives;

namespace SignalRInfo.Core;

/// <summary>A resolved endpoint set, the setting name it was asked for by, and the reload token it is valid until.</summary>
internal sealed class CachedEndpoints
{
    public CachedEndpoints(string settingName, IChangeToken reloadToken, EndpointSet endpoints)
    {
        SettingName = settingName;
        ReloadToken = reloadToken;
        Endpoints = endpoints;
    }

    public string SettingName { get; }

    public IChangeToken ReloadToken { get; }

    public EndpointSet Endpoints { get; }
}
