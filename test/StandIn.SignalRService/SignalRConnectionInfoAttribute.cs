using System;
using Microsoft.Azure.WebJobs.Description;

namespace Microsoft.Azure.WebJobs;

/// <summary>
/// The stand-in of Microsoft's <c>[SignalRConnectionInfo]</c>: same name and namespace, so WebJobs derives the same
/// binding type, <c>signalRConnectionInfo</c>, as it does for WebJobs.Extensions.SignalRInfo's attribute.
/// </summary>
[Binding]
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class SignalRConnectionInfoAttribute : Attribute
{
    /// <summary>The hub name (as in Microsoft's attribute).</summary>
    public string? HubName { get; set; }
}
