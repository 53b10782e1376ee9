using System;
using System.Linq;
using System.Reflection;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>Freezes the public surface: later work and users depend on these exact names.</summary>
public class PublicSurfaceTests
{
    private static readonly Assembly Library = typeof(SignalRConnectionInfoAttribute).Assembly;

    [Fact]
    public void ExportedTypes_AreExactlyTheDesignedOnes()
    {
        var exported = Library.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal(
            new[]
            {
                "Microsoft.Extensions.Hosting.SignalRInfoWebJobsBuilderExtensions",
                "WebJobs.Extensions.SignalRInfo.ISignalREndpointRouter",
                "WebJobs.Extensions.SignalRInfo.ISignalRNegotiator",
                "WebJobs.Extensions.SignalRInfo.SignalRConnectionInfo",
                "WebJobs.Extensions.SignalRInfo.SignalRConnectionInfoAttribute",
                "WebJobs.Extensions.SignalRInfo.SignalRConnectionInfoAttributeBase",
                "WebJobs.Extensions.SignalRInfo.SignalREndpoint",
                "WebJobs.Extensions.SignalRInfo.SignalREndpointConnectionInfo",
                "WebJobs.Extensions.SignalRInfo.SignalREndpointType",
                "WebJobs.Extensions.SignalRInfo.SignalREndpointsAttribute",
                "WebJobs.Extensions.SignalRInfo.SignalRInfoAttribute",
                "WebJobs.Extensions.SignalRInfo.SignalRInfoOptions",
                "WebJobs.Extensions.SignalRInfo.SignalRInfoWebJobsStartup",
                "WebJobs.Extensions.SignalRInfo.SignalRNegotiateOptions",
                "WebJobs.Extensions.SignalRInfo.SignalRNegotiationAttribute",
                "WebJobs.Extensions.SignalRInfo.SignalRNegotiationContext",
                "WebJobs.Extensions.SignalRInfo.SignalRRoutingMode",
                "WebJobs.Extensions.SignalRInfo.SignalRRoutingOptions",
            },
            exported);
    }

    [Theory]
    [InlineData(typeof(SignalRConnectionInfoAttribute))]
    [InlineData(typeof(SignalRInfoAttribute))]
    public void Attribute_HasTheDocumentedPropertiesAndDefaults(Type type)
    {
        var attribute = (SignalRConnectionInfoAttributeBase)Activator.CreateInstance(type)!;
        Assert.True(type.IsSealed);
        var properties = type.GetProperties().Select(p => p.Name + ":" + p.PropertyType.Name).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(new[] { "ClaimTypeList:String[]", "ConnectionStringSetting:String", "HubName:String", "IdToken:String", "TokenLifetimeSeconds:Int32", "TypeId:Object", "UserId:String" }, properties);
        Assert.Equal("AzureSignalRConnectionString", attribute.ConnectionStringSetting);
        Assert.Equal(0, attribute.TokenLifetimeSeconds);
        var usage = type.GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.Equal(AttributeTargets.Parameter | AttributeTargets.ReturnValue, usage.ValidOn);
        Assert.NotNull(type.GetCustomAttribute<Microsoft.Azure.WebJobs.Description.BindingAttribute>());
        foreach (var name in new[] { "HubName", "UserId", "IdToken" })
        {
            Assert.NotNull(type.GetProperty(name)!.GetCustomAttribute<Microsoft.Azure.WebJobs.Description.AutoResolveAttribute>());
        }
    }

    [Fact]
    public void BuilderExtensions_HaveBothOverloads()
    {
        var methods = typeof(SignalRInfoWebJobsBuilderExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.Name + "(" + string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name)) + ")")
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(new[] { "AddSignalRConnectionInfo(IWebJobsBuilder)", "AddSignalRConnectionInfo(IWebJobsBuilder,Action`1)" }, methods);
    }

    [Fact]
    public void Assembly_DeclaresTheStartupForTheFunctionsHost()
    {
        var startup = Library.GetCustomAttributes<WebJobsStartupAttribute>().Single();

        Assert.Equal(typeof(SignalRInfoWebJobsStartup), startup.WebJobsStartupType);
    }

    [Fact]
    public void Options_ImplementsOptionsFormatter()
    {
        Assert.True(typeof(IOptionsFormatter).IsAssignableFrom(typeof(SignalRInfoOptions)));
    }
}
