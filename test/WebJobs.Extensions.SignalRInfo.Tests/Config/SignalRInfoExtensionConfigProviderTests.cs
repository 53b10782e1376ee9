using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.SignalRService;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using SignalRInfo.TestSupport;
using Xunit;
using StandInSignalRConnectionInfoAttribute = Microsoft.Azure.WebJobs.SignalRConnectionInfoAttribute;

// IJobHostMetadataProvider is marked "not ready for public consumption", but it is what the Functions host calls.
#pragma warning disable CS0618

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Coexistence with Microsoft's SignalR Service extension, played by test/StandIn.SignalRService: an assembly of the same
/// name, Microsoft.Azure.WebJobs.Extensions.SignalRService, whose own Microsoft.Azure.WebJobs.SignalRConnectionInfoAttribute
/// binds to a fixed string. Both extensions run in one JobHost; the binding type <c>signalRInfo</c> stays ours, and
/// the start-up warning (EventId 20) tells the user about the shared name <c>signalRConnectionInfo</c>.
/// </summary>
/// <remarks>
/// Once a test has loaded the stand-in assembly it stays loaded in the test process, so the tests that need it absent
/// hand the provider the list of loaded assembly names through its internal constructor.
/// </remarks>
public class SignalRInfoExtensionConfigProviderTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;
    private const string Audience = "https://contoso.service.signalr.net/client/?hub=hubname1";
    private const int MicrosoftExtensionLoadedEventId = 20;

    public static class Functions
    {
        [FunctionName("negotiateSignalRInfo")]
        public static SignalRConnectionInfo NegotiateSignalRInfo(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        // In C# the attribute is a CLR type, so our [SignalRConnectionInfo] is still ours; only function.json shares the name.
        [FunctionName("negotiateSignalRConnectionInfo")]
        public static SignalRConnectionInfo NegotiateSignalRConnectionInfo(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateStandIn")]
        public static string NegotiateStandIn(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [StandInSignalRConnectionInfo(HubName = "hubName1")] string connectionInfo) => connectionInfo;
    }

    public static class OurFunction
    {
        [FunctionName("negotiateSignalRInfo")]
        public static SignalRConnectionInfo NegotiateSignalRInfo(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1")] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    private static Dictionary<string, string?> Settings() => new() { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection };

    private static async Task<TestHost> StartWithBothAsync(bool oursFirst, params Type[] functions)
    {
        var host = TestHost.Create(
            Settings(),
            b =>
            {
                if (oursFirst)
                {
                    b.AddSignalRConnectionInfo().AddSignalRServiceStandIn();
                }
                else
                {
                    b.AddSignalRServiceStandIn().AddSignalRConnectionInfo();
                }
            },
            functions);
        await host.StartAsync();
        return host;
    }

    /// <summary>Our extension alone, whose provider sees <paramref name="loadedAssemblies"/> instead of the AppDomain's.</summary>
    private static async Task<TestHost> StartWithLoadedAssembliesAsync(IReadOnlyList<AssemblyName> loadedAssemblies)
    {
        var host = TestHost.Create(
            Settings(),
            b =>
            {
                b.AddSignalRConnectionInfo();
                var services = b.Services;
                services.Remove(services.Single(d => d.ServiceType == typeof(IExtensionConfigProvider) && d.ImplementationType == typeof(SignalRInfoExtensionConfigProvider)));
                services.AddSingleton<IExtensionConfigProvider>(sp => new SignalRInfoExtensionConfigProvider(
                    sp.GetRequiredService<SignalRConnectionInfoConverter>(),
                    sp.GetRequiredService<SignalRNegotiationConverter>(),
                    sp.GetRequiredService<SignalRConnectionInfoValidator>(),
                    sp.GetRequiredService<IOptions<SignalRInfoOptions>>(),
                    sp.GetRequiredService<ILoggerFactory>(),
                    () => loadedAssemblies));
            },
            typeof(OurFunction));
        await host.StartAsync();
        return host;
    }

    private static AssemblyName[] LoadedAssembliesWithout(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName()).Where(n => !string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray();

    private static CapturingLoggerProvider.LogEntry[] MicrosoftExtensionWarnings(TestHost host) =>
        host.Logs.Entries.Where(e => e.EventId.Id == MicrosoftExtensionLoadedEventId).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invoke_BothExtensionsInOneHost_EachAttributeGetsItsOwnExtensionsValue(bool oursFirst)
    {
        await using var host = await StartWithBothAsync(oursFirst, typeof(Functions));

        var ours = Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiateSignalRInfo"));
        var oursClassic = Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiateSignalRConnectionInfo"));
        var standIn = await host.CallForResponseAsync("negotiateStandIn");

        Assert.Equal(Audience, ours.Url);
        await TokenAssert.ValidAsync(ours.AccessToken!, Key, Audience, host.Time.GetUtcNow());
        Assert.Equal(Audience, oursClassic.Url);
        await TokenAssert.ValidAsync(oursClassic.AccessToken!, Key, Audience, host.Time.GetUtcNow());
        Assert.Equal(StandInSignalRServiceConfigProvider.Value, standIn);
    }

    /// <summary>
    /// What WebJobs (3.0.48) really does with a binding type two extensions claim: no error and no warning. Its
    /// JobHostMetadataProvider keeps one case-insensitive map from an attribute's class name without "Attribute" to the
    /// attribute type, filled with <c>map[name] = type</c> extension by extension as IExtensionRegistry enumerates them.
    /// DefaultExtensionRegistry enumerates the providers in the reverse of their registration order (registered Http, ours,
    /// stand-in; enumerated stand-in, ours, Http), so the extension registered FIRST writes last and wins
    /// <c>signalRConnectionInfo</c>; the other attribute cannot be reached from function.json under that name. In the
    /// Functions host that order comes from its extension start-ups, not from the app. <c>signalRInfo</c> is ours whatever the order.
    /// </summary>
    [Theory]
    [InlineData(true, typeof(SignalRConnectionInfoAttribute))]
    [InlineData(false, typeof(StandInSignalRConnectionInfoAttribute))]
    public async Task MetadataProvider_BothExtensions_SignalRInfoIsOursAndSignalRConnectionInfoGoesToTheFirstRegistered(bool oursFirst, Type expectedForSharedName)
    {
        await using var host = await StartWithBothAsync(oursFirst, typeof(Functions));
        var metadata = host.Services.GetRequiredService<IJobHostMetadataProvider>();

        Assert.Equal(typeof(SignalRInfoAttribute), metadata.GetAttributeTypeFromName("signalRInfo"));
        Assert.Equal(expectedForSharedName, metadata.GetAttributeTypeFromName("signalRConnectionInfo"));
        Assert.Equal(expectedForSharedName, metadata.GetAttributeTypeFromName("SIGNALRCONNECTIONINFO"));
    }

    [Fact]
    public async Task Invoke_FunctionJsonSignalRInfoWithStandInRegisteredFirst_BindsOurVerifiableToken()
    {
        await using var host = await StartWithBothAsync(oursFirst: false, typeof(FunctionJsonBindingTests.Functions));
        var request = TestHost.CreateRequest("hub=Chat");
        request.HttpContext.Items["function.json"] = JObject.Parse("""{ "type": "signalRInfo", "name": "connectionInfo", "hubName": "{query.hub}", "direction": "in" }""");
        request.HttpContext.Items["metadata"] = host.Services.GetRequiredService<IJobHostMetadataProvider>();

        await host.JobHost.CallAsync("negotiate", new Dictionary<string, object?> { ["req"] = request });

        var json = JObject.Parse((string)request.HttpContext.Items["bound"]!);
        Assert.Equal("https://contoso.service.signalr.net/client/?hub=chat", (string?)json["url"]);
        await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, "https://contoso.service.signalr.net/client/?hub=chat", host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Start_MicrosoftExtensionLoaded_WarnsOnceNamingSignalRInfo()
    {
        await using var host = await StartWithBothAsync(oursFirst: true, typeof(Functions));

        var warning = Assert.Single(MicrosoftExtensionWarnings(host));
        Assert.Equal("MicrosoftSignalRExtensionLoaded", warning.EventId.Name);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Host.Triggers.SignalRInfo", warning.Category);
        var version = typeof(StandInSignalRServiceConfigProvider).Assembly.GetName().Version!.ToString();
        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.SignalRService " + version, warning.Message, StringComparison.Ordinal);
        Assert.Contains("'signalRConnectionInfo'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'signalRInfo'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("[SignalRInfo]", warning.Message, StringComparison.Ordinal);
        Assert.Contains("[SignalRInfoInput]", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'extensions:signalRInfo'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MicrosoftAssemblyLoadedButNotRegistered_StillWarnsOnce()
    {
        // The warning looks at loaded assemblies, not at registered extensions (the Functions host loads every extension it installs).
        Assert.Equal(SignalRInfoExtensionConfigProvider.MicrosoftExtensionAssemblyName, typeof(StandInSignalRServiceConfigProvider).Assembly.GetName().Name);

        await using var host = await TestHost.StartAsync(Settings(), typeof(OurFunction));

        Assert.Single(MicrosoftExtensionWarnings(host));
    }

    [Fact]
    public async Task Start_MicrosoftAssemblyNotLoaded_LogsNoWarning()
    {
        await using var host = await StartWithLoadedAssembliesAsync(LoadedAssembliesWithout(SignalRInfoExtensionConfigProvider.MicrosoftExtensionAssemblyName));

        Assert.Empty(MicrosoftExtensionWarnings(host));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.Contains("SignalRInfo", StringComparison.Ordinal));
        var info = Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiateSignalRInfo"));
        await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience, host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Start_MicrosoftAssemblyNameInOtherCase_WarnsOnceWithItsVersion()
    {
        var names = LoadedAssembliesWithout(SignalRInfoExtensionConfigProvider.MicrosoftExtensionAssemblyName)
            .Append(new AssemblyName("microsoft.azure.webjobs.extensions.signalrservice, Version=1.14.0.0"))
            .ToArray();

        await using var host = await StartWithLoadedAssembliesAsync(names);

        var warning = Assert.Single(MicrosoftExtensionWarnings(host));
        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.SignalRService 1.14.0.0", warning.Message, StringComparison.Ordinal);
    }
}
