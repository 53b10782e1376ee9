namespace SignalRInfo.Core;

/// <summary>One resolved SignalR Service instance of a connection setting: its entry, connection and health.</summary>
internal sealed class ConfiguredEndpoint
{
    public ConfiguredEndpoint(EndpointEntry entry, ServiceConnection connection, EndpointHealth health, string identity)
    {
        Entry = entry;
        Connection = connection;
        Health = health;
        Identity = identity;
    }

    public EndpointEntry Entry { get; }

    public string Name => Entry.Name;

    public SignalREndpointType Type => Entry.Type;

    public ServiceConnection Connection { get; }

    public EndpointHealth Health { get; }

    /// <summary>The instance's normalized URL: endpoints with the same one are the same instance.</summary>
    public string Identity { get; }

    /// <summary>How messages and logs name it: <c>'name' (https://…)</c>.</summary>
    public string Description => Entry.Describe(Identity);

    /// <summary>A snapshot for a router.</summary>
    public SignalREndpoint ToPublic() => new() { Name = Name, EndpointType = Type, Endpoint = Identity, Online = Health.IsOnline };
}
