using System;
using Microsoft.Azure.WebJobs.Description;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// The same input binding as <see cref="SignalRConnectionInfoAttribute"/>, under a binding type that only this
/// extension uses: <c>signalRInfo</c> in function.json. Use it in an app that also loads Microsoft's SignalR Service
/// extension (for the output binding or the trigger), which claims the type name <c>signalRConnectionInfo</c> too.
/// </summary>
[Binding]
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class SignalRInfoAttribute : SignalRConnectionInfoAttributeBase
{
}
