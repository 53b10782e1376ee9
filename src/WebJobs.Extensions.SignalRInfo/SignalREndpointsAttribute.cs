using System;
using Microsoft.Azure.WebJobs.Description;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Binds the configured SignalR Service instances with their health, without tokens: <see cref="SignalREndpoint"/>[]
/// (or its JSON as <see cref="string"/> or <c>JArray</c>); <c>signalREndpoints</c> in function.json.
/// </summary>
[Binding]
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class SignalREndpointsAttribute : Attribute
{
    /// <summary>Optional, for compatibility with Microsoft's attribute: the hub (not used to list the endpoints).</summary>
    [AutoResolve]
    public string? HubName { get; set; }

    /// <summary>
    /// The connection setting whose instances are listed (with those under <c>Azure:SignalR:Endpoints</c>). Defaults to
    /// <c>AzureSignalRConnectionString</c>; a <c>%name%</c> form is resolved through the app settings.
    /// </summary>
    public string? ConnectionStringSetting { get; set; } = SignalRConnectionInfoAttributeBase.DefaultConnectionStringSetting;
}
