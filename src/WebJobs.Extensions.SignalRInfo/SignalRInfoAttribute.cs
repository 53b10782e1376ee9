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
public sealed class SignalRInfoAttribute : SignalRConnectionInfoAttributeBase, IAttributeInvokeDescriptor<SignalRInfoAttribute>
{
    /// <summary>The binding's invoke string (what WebJobs records per invocation): the hub as written, never request data.</summary>
    /// <returns>The <see cref="SignalRConnectionInfoAttributeBase.HubName"/> as written in the attribute.</returns>
    string IAttributeInvokeDescriptor<SignalRInfoAttribute>.ToInvokeString() => InvokeString;

    /// <summary>The attribute for an invocation started from an invoke string: this one, for the hub that string names.</summary>
    /// <param name="invokeString">A hub name (or the hub as written, when empty).</param>
    /// <returns>A copy of this attribute with that hub.</returns>
    SignalRInfoAttribute IAttributeInvokeDescriptor<SignalRInfoAttribute>.FromInvokeString(string invokeString) => CopyWithHub(new SignalRInfoAttribute(), invokeString);
}
