using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>Freezes the worker package's public surface: apps depend on these exact names.</summary>
public class PublicSurfaceTests
{
    private static readonly Assembly Worker = typeof(SignalRConnectionInfo).Assembly;

    [Fact]
    public void ExportedTypes_AreExactlyTheDesignedOnes()
    {
        var exported = Worker.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal(
            new[]
            {
                "Functions.Worker.Extensions.SignalRInfo.ISignalREndpointRouter",
                "Functions.Worker.Extensions.SignalRInfo.ISignalRNegotiator",
                "Functions.Worker.Extensions.SignalRInfo.SignalRConnectionInfo",
                "Functions.Worker.Extensions.SignalRInfo.SignalRConnectionInfoHttpExtensions",
                "Functions.Worker.Extensions.SignalRInfo.SignalRConnectionInfoInputAttribute",
                "Functions.Worker.Extensions.SignalRInfo.SignalREndpoint",
                "Functions.Worker.Extensions.SignalRInfo.SignalREndpointConnectionInfo",
                "Functions.Worker.Extensions.SignalRInfo.SignalREndpointType",
                "Functions.Worker.Extensions.SignalRInfo.SignalREndpointsInputAttribute",
                "Functions.Worker.Extensions.SignalRInfo.SignalRInfoInputAttribute",
                "Functions.Worker.Extensions.SignalRInfo.SignalRInfoWorkerExtensionStartup",
                "Functions.Worker.Extensions.SignalRInfo.SignalRNegotiateOptions",
                "Functions.Worker.Extensions.SignalRInfo.SignalRNegotiationContext",
                "Functions.Worker.Extensions.SignalRInfo.SignalRNegotiationInputAttribute",
                "Functions.Worker.Extensions.SignalRInfo.SignalRNegotiatorOptions",
                "Functions.Worker.Extensions.SignalRInfo.SignalRRoutingMode",
                "Functions.Worker.Extensions.SignalRInfo.SignalRRoutingOptions",
                "Microsoft.Extensions.DependencyInjection.SignalRNegotiatorServiceCollectionExtensions",
            },
            exported);
    }

    [Fact]
    public void SignalRConnectionInfo_HasOnlyUrlAndAccessToken()
    {
        var properties = typeof(SignalRConnectionInfo).GetProperties().Select(p => p.Name + ":" + p.PropertyType.Name + ":" + p.CanWrite);

        Assert.Equal(new[] { "Url:String:True", "AccessToken:String:True" }, properties);
        Assert.True(typeof(SignalRConnectionInfo).IsSealed);
    }

    [Fact]
    public void HttpExtensions_HaveBothCreateNegotiateResponseAsyncOverloads()
    {
        var methods = typeof(SignalRConnectionInfoHttpExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.ReturnType.Name + " " + m.Name + "(" + string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name)) + ")")
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "Task`1 CreateNegotiateResponseAsync(HttpRequestData request,SignalRConnectionInfo connectionInfo,CancellationToken cancellationToken)",
                "Task`1 CreateNegotiateResponseAsync(HttpRequestData request,String connectionInfoJson,CancellationToken cancellationToken)",
            },
            methods);
    }
}
