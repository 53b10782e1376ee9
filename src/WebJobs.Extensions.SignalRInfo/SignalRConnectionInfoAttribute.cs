using System;
using Microsoft.Azure.WebJobs.Description;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Input binding that gives a SignalR client the service URL and a short-lived access token for Azure SignalR
/// Service (the "negotiate" step). Bind it to a <see cref="SignalRConnectionInfo"/>, a <see cref="string"/>
/// (compact camelCase JSON) or a <c>Newtonsoft.Json.Linq.JObject</c>.
/// In function.json the binding type is <c>signalRConnectionInfo</c>, the name Microsoft's SignalR Service extension
/// also uses; in an app that loads both extensions use <see cref="SignalRInfoAttribute"/> (<c>signalRInfo</c>).
/// </summary>
[Binding]
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class SignalRConnectionInfoAttribute : SignalRConnectionInfoAttributeBase, IAttributeInvokeDescriptor<SignalRConnectionInfoAttribute>
{
    /// <summary>The binding's invoke string (what WebJobs records per invocation): the hub as written, never request data.</summary>
    /// <returns>The <see cref="SignalRConnectionInfoAttributeBase.HubName"/> as written in the attribute.</returns>
    string IAttributeInvokeDescriptor<SignalRConnectionInfoAttribute>.ToInvokeString() => InvokeString;

    /// <summary>The attribute for an invocation started from an invoke string: this one, for the hub that string names.</summary>
    /// <param name="invokeString">A hub name (or the hub as written, when empty).</param>
    /// <returns>A copy of this attribute with that hub.</returns>
    SignalRConnectionInfoAttribute IAttributeInvokeDescriptor<SignalRConnectionInfoAttribute>.FromInvokeString(string invokeString) => CopyWithHub(new SignalRConnectionInfoAttribute(), invokeString);
}
