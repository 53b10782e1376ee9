using System;
using Microsoft.Azure.WebJobs.Description;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// The properties of the negotiate input binding, shared by its two names: <see cref="SignalRConnectionInfoAttribute"/>
/// (binding type <c>signalRConnectionInfo</c>, the name on Microsoft Learn) and <see cref="SignalRInfoAttribute"/>
/// (binding type <c>signalRInfo</c>, unique to this extension). Use one of those two; this class binds nothing itself.
/// </summary>
public abstract class SignalRConnectionInfoAttributeBase : Attribute
{
    /// <summary>The name of the connection setting used when <see cref="ConnectionStringSetting"/> is not set.</summary>
    public const string DefaultConnectionStringSetting = NegotiateSettings.DefaultConnectionStringSetting;

    /// <summary>
    /// Required. The hub name. Binding expressions such as <c>{query.hub}</c> and <c>%Setting%</c> are resolved.
    /// It must start with a letter and contain at most 128 letters, digits and <c>_ ` , . [ ]</c>.
    /// </summary>
    [AutoResolve]
    public string? HubName { get; set; }

    /// <summary>
    /// The name of the app setting or settings collection that holds the SignalR Service connection: a connection
    /// string, or a section with a <c>serviceUri</c> child for an identity connection. Defaults to
    /// <c>AzureSignalRConnectionString</c>; a <c>%name%</c> form is resolved through the app settings.
    /// </summary>
    public string? ConnectionStringSetting { get; set; } = DefaultConnectionStringSetting;

    /// <summary>
    /// Optional. The user identifier written into the token (claim <c>asrs.s.uid</c>). Binding expressions such
    /// as <c>{headers.x-ms-client-principal-id}</c> or <c>{query.userId}</c> are resolved.
    /// </summary>
    [AutoResolve]
    public string? UserId { get; set; }

    /// <summary>
    /// Optional. A JWT whose claims, filtered by <see cref="ClaimTypeList"/>, are copied into the access token.
    /// It is decoded, not validated. Binding expressions are resolved.
    /// </summary>
    [AutoResolve]
    public string? IdToken { get; set; }

    /// <summary>Optional. The claim types (exact, case-sensitive) copied from <see cref="IdToken"/>.</summary>
    public string[]? ClaimTypeList { get; set; }

    /// <summary>
    /// Optional. The access token lifetime in seconds; 0 (the default) uses
    /// <see cref="SignalRInfoOptions.TokenLifetime"/>.
    /// </summary>
    public int TokenLifetimeSeconds { get; set; }

    /// <summary>
    /// The invoke string WebJobs records per invocation for this binding (the function log entry's arguments, which
    /// event collectors and telemetry receive): the hub as written. Without it WebJobs would write the JSON of the
    /// resolved expressions per call — the request's user id and its whole ID token, a credential.
    /// </summary>
    internal string InvokeString => HubName ?? string.Empty;

    /// <summary>Copies every property into <paramref name="target"/>, with the hub <paramref name="hub"/> when it is not empty.</summary>
    internal T CopyWithHub<T>(T target, string? hub)
        where T : SignalRConnectionInfoAttributeBase
    {
        target.HubName = string.IsNullOrEmpty(hub) ? HubName : hub;
        target.ConnectionStringSetting = ConnectionStringSetting;
        target.UserId = UserId;
        target.IdToken = IdToken;
        target.ClaimTypeList = ClaimTypeList;
        target.TokenLifetimeSeconds = TokenLifetimeSeconds;
        return target;
    }
}
