using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// Negotiates with every configured SignalR Service instance at once (binding type <c>signalRNegotiation</c>): binds a
/// <see cref="SignalRNegotiationContext"/> (or its JSON as <see cref="string"/>) with one client URL and token per instance.
/// </summary>
/// <remarks>
/// The worker's metadata generators take the binding type from this class's name and require it to derive directly
/// from <see cref="InputBindingAttribute"/>, so the attributes repeat their properties instead of sharing a base.
/// </remarks>
public sealed class SignalRNegotiationInputAttribute : InputBindingAttribute
{
    /// <summary>Required. The hub name. Binding expressions such as <c>{query.hub}</c> and <c>%Setting%</c> are resolved by the host.</summary>
    public string? HubName { get; set; }

    /// <summary>The connection setting (default <c>AzureSignalRConnectionString</c>); the instances under <c>Azure:SignalR:Endpoints</c> join it.</summary>
    public string? ConnectionStringSetting { get; set; }

    /// <summary>Optional. The user id written into the tokens, e.g. <c>{headers.x-ms-client-principal-id}</c>.</summary>
    public string? UserId { get; set; }

    /// <summary>Optional. A JWT whose claims, filtered by <see cref="ClaimTypeList"/>, are copied into the tokens (decoded, not validated).</summary>
    public string? IdToken { get; set; }

    /// <summary>Optional. The claim types copied from <see cref="IdToken"/>.</summary>
    public string[]? ClaimTypeList { get; set; }

    /// <summary>Optional. The token lifetime in seconds, 1 to 86400; 0 (the default) uses the host's <c>extensions:signalRInfo:tokenLifetime</c>.</summary>
    public int TokenLifetimeSeconds { get; set; }
}
