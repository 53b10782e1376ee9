using System;
using Microsoft.Azure.WebJobs.Description;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Negotiates with every configured SignalR Service instance at once (README, "Several SignalR Service instances"):
/// binds a <see cref="SignalRNegotiationContext"/> (or its JSON as <see cref="string"/> or <c>JObject</c>) with one client
/// URL and token per instance; <c>signalRNegotiation</c> in function.json. Same properties as
/// <see cref="SignalRConnectionInfoAttribute"/>.
/// </summary>
[Binding]
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class SignalRNegotiationAttribute : SignalRConnectionInfoAttributeBase, IAttributeInvokeDescriptor<SignalRNegotiationAttribute>
{
    /// <summary>The binding's invoke string (what WebJobs records per invocation): the hub as written, never request data.</summary>
    /// <returns>The <see cref="SignalRConnectionInfoAttributeBase.HubName"/> as written in the attribute.</returns>
    string IAttributeInvokeDescriptor<SignalRNegotiationAttribute>.ToInvokeString() => InvokeString;

    /// <summary>The attribute for an invocation started from an invoke string: this one, for the hub that string names.</summary>
    /// <param name="invokeString">A hub name (or the hub as written, when empty).</param>
    /// <returns>A copy of this attribute with that hub.</returns>
    SignalRNegotiationAttribute IAttributeInvokeDescriptor<SignalRNegotiationAttribute>.FromInvokeString(string invokeString) => CopyWithHub(new SignalRNegotiationAttribute(), invokeString);
}
