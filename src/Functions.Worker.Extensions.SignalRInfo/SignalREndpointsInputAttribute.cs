using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// Binds the configured SignalR Service instances with their health, without tokens (binding type
/// <c>signalREndpoints</c>): <see cref="SignalREndpoint"/>[] or its JSON as <see cref="string"/>.
/// </summary>
public sealed class SignalREndpointsInputAttribute : InputBindingAttribute
{
    /// <summary>Optional, for compatibility with Microsoft's attribute: the hub (not used to list the endpoints).</summary>
    public string? HubName { get; set; }

    /// <summary>The connection setting (default <c>AzureSignalRConnectionString</c>); the instances under <c>Azure:SignalR:Endpoints</c> join it.</summary>
    public string? ConnectionStringSetting { get; set; }
}
