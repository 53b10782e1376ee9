using System;
using Microsoft.Azure.WebJobs.Description;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The shape of <see cref="SignalRConnectionInfoAttribute"/> as a negotiate function uses it (a hub and a user id,
/// both binding expressions) for a binding that does nothing: it measures what the WebJobs pipeline itself costs.
/// </summary>
[Binding]
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class NoOpConnectionInfoAttribute : Attribute
{
    /// <summary>Resolved per call like <see cref="SignalRConnectionInfoAttributeBase.HubName"/>.</summary>
    [AutoResolve]
    public string? HubName { get; set; }

    /// <summary>Resolved per call like <see cref="SignalRConnectionInfoAttributeBase.UserId"/>.</summary>
    [AutoResolve]
    public string? UserId { get; set; }
}
