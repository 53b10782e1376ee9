namespace SignalRInfo.Core;

/// <summary>One configured SignalR Service instance, as read: its name, type, where it was read from, and what it holds.</summary>
internal sealed class EndpointEntry
{
    public EndpointEntry(string name, SignalREndpointType type, string path, ConnectionSource source)
    {
        Name = name;
        Type = type;
        Path = path;
        Source = source;
    }

    /// <summary>The name under <c>Azure:SignalR:Endpoints</c>; empty for the connection setting itself.</summary>
    public string Name { get; }

    public SignalREndpointType Type { get; }

    /// <summary>The configuration path (the setting name in messages), e.g. <c>Azure:SignalR:Endpoints:east:secondary</c>.</summary>
    public string Path { get; }

    public ConnectionSource Source { get; }

    /// <summary>How logs and messages name the instance: <c>'name' (https://…)</c>, or the setting's path for the unnamed one.</summary>
    public string Describe(string identity) => "'" + (Name.Length == 0 ? Path : Name) + "' (" + identity + ")";
}
