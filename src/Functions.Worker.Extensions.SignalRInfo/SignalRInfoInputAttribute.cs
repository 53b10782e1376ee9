using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// The same input binding as <see cref="SignalRConnectionInfoInputAttribute"/>, under the binding type <c>signalRInfo</c>
/// that only WebJobs.Extensions.SignalRInfo uses: pick it in an app that also references Microsoft's SignalR Service
/// extension (for the output binding or the trigger), which claims <c>signalRConnectionInfo</c> too.
/// </summary>
/// <remarks>
/// The worker's metadata generators take the binding type from this class's name and require it to derive directly
/// from <see cref="InputBindingAttribute"/>, so the two attributes repeat their properties instead of sharing a base.
/// </remarks>
public sealed class SignalRInfoInputAttribute : InputBindingAttribute
{
    /// <summary>Required. The hub name. Binding expressions such as <c>{query.hub}</c> and <c>%Setting%</c> are resolved by the host.</summary>
    public string? HubName { get; set; }

    /// <summary>
    /// The name of the app setting or settings collection that holds the SignalR Service connection (a connection string,
    /// or a section with a <c>serviceUri</c> child for Microsoft Entra ID). The host defaults it to <c>AzureSignalRConnectionString</c>.
    /// </summary>
    public string? ConnectionStringSetting { get; set; }

    /// <summary>Optional. The user id written into the token, e.g. <c>{headers.x-ms-client-principal-id}</c>.</summary>
    public string? UserId { get; set; }

    /// <summary>Optional. A JWT whose claims, filtered by <see cref="ClaimTypeList"/>, are copied into the token (decoded, not validated).</summary>
    public string? IdToken { get; set; }

    /// <summary>Optional. The claim types copied from <see cref="IdToken"/>.</summary>
    public string[]? ClaimTypeList { get; set; }

    /// <summary>Optional. The token lifetime in seconds, 1 to 86400; 0 (the default) uses the host's <c>extensions:signalRInfo:tokenLifetime</c>.</summary>
    public int TokenLifetimeSeconds { get; set; }
}
