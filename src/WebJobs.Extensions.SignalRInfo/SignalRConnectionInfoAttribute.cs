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
public sealed class SignalRConnectionInfoAttribute : SignalRConnectionInfoAttributeBase
{
}
