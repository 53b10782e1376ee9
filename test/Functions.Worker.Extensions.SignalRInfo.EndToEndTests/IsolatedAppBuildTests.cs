using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// What the real Worker.Sdk build makes of an app that references our worker package (packed with a unique version):
/// the host extension it installs, the binding metadata the generators write, and what lands in <c>.azurefunctions/</c>.
/// </summary>
[Collection(IsolatedAppsCollection.Name)]
public sealed class IsolatedAppBuildTests
{
    /// <summary>What Microsoft.NET.Sdk.Functions (the Worker.Sdk's inner extensions project) brings itself.</summary>
    private static readonly string[] FunctionsSdkOwn =
    {
        "Microsoft.Azure.Functions.Worker.Extensions",
        "Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader",
        "Microsoft.Azure.WebJobs.Host.Storage",
        "Microsoft.WindowsAzure.Storage",
    };

    /// <summary>Our host package's closure beyond what the Functions host ships.</summary>
    private static readonly string[] OurClosure =
    {
        "WebJobs.Extensions.SignalRInfo",
        "Azure.Core",
        "Azure.Identity",
        "Microsoft.Bcl.AsyncInterfaces",
        "Microsoft.Extensions.Azure",
        "Microsoft.Identity.Client",
        "Microsoft.Identity.Client.Extensions.Msal",
        "Microsoft.IdentityModel.Abstractions",
        "System.ClientModel",
    };

    private readonly IsolatedAppsFixture _apps;
    private readonly ITestOutputHelper _output;

    public IsolatedAppBuildTests(IsolatedAppsFixture apps, ITestOutputHelper output)
    {
        _apps = apps;
        _output = output;
    }

    [Theory]
    [InlineData(HttpModel.BuiltIn)]
    [InlineData(HttpModel.AspNetCore)]
    public void ExtensionsJson_NamesOurStartupTypeAndHintPath(HttpModel model)
    {
        _output.WriteLine(_apps.Timings);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_apps.Get(model).OutputFolder, "extensions.json")))!;

        var ours = ((JsonArray)json["extensions"]!).Single(e => ((string)e!["typeName"]!).StartsWith("WebJobs.Extensions.SignalRInfo.", StringComparison.Ordinal))!;
        Assert.Equal("SignalRInfo", (string)ours["name"]!);
        Assert.StartsWith("WebJobs.Extensions.SignalRInfo.SignalRInfoWebJobsStartup, WebJobs.Extensions.SignalRInfo, Version=", (string)ours["typeName"]!, StringComparison.Ordinal);
        Assert.Equal("./.azurefunctions/WebJobs.Extensions.SignalRInfo.dll", (string)ours["hintPath"]!);
    }

    [Theory]
    [InlineData(HttpModel.BuiltIn)]
    [InlineData(HttpModel.AspNetCore)]
    public void FunctionsMetadata_HasOurTypeNamesCamelCasePropertiesAndDataType(HttpModel model)
    {
        var functions = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(_apps.Get(model).OutputFolder, "functions.metadata")))!;
        JsonObject Binding(string function) => (JsonObject)((JsonArray)functions.Single(f => (string)f!["name"]! == function)!["bindings"]!)
            .Single(b => (string)b!["name"]! == "connectionInfo")!;

        // The seed example: a string parameter, so the generator writes dataType String; only the set properties.
        var seed = Binding("Negotiate");
        Assert.Equal("signalRConnectionInfo", (string)seed["type"]!);
        Assert.Equal("In", (string)seed["direction"]!);
        Assert.Equal("String", (string)seed["dataType"]!);
        Assert.Equal("hubName1", (string)seed["hubName"]!);
        Assert.Equal("{headers.x-ms-client-principal-id}", (string)seed["userId"]!);
        Assert.Null(seed["connectionStringSetting"]);

        // The unique type with every property set, on a POCO parameter (no dataType: the host binds its default type).
        var unique = Binding("UniqueNegotiate");
        Assert.Equal("signalRInfo", (string)unique["type"]!);
        Assert.Null(unique["dataType"]);
        Assert.Equal("{query.hub}", (string)unique["hubName"]!);
        Assert.Equal("{headers.x-ms-token-aad-id-token}", (string)unique["idToken"]!);
        Assert.Equal(new[] { "name", "email" }, ((JsonArray)unique["claimTypeList"]!).Select(c => (string)c!).ToArray());
        Assert.Equal(600, (int)unique["tokenLifetimeSeconds"]!);
        Assert.All(unique.Select(p => p.Key), key => Assert.True(char.IsLower(key[0]), key + " is not camelCase"));
    }

    [Theory]
    [InlineData(HttpModel.BuiltIn)]
    [InlineData(HttpModel.AspNetCore)]
    public void AzureFunctionsFolder_HoldsOurAssemblyAtThePackedVersionAndNothingTheHostShips(HttpModel model)
    {
        var folder = Path.Combine(_apps.Get(model).OutputFolder, ".azurefunctions");
        var ours = Path.Combine(folder, "WebJobs.Extensions.SignalRInfo.dll");
        Assert.True(File.Exists(ours));
        Assert.Equal(_apps.Version, FileVersionInfo.GetVersionInfo(ours).ProductVersion!.Split('+')[0]);

        var assemblies = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileNameWithoutExtension).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        _output.WriteLine(model + " .azurefunctions: " + string.Join(", ", assemblies));
        Assert.DoesNotContain(assemblies, n => n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && n != "Microsoft.Extensions.Azure");
        Assert.DoesNotContain(assemblies, n => n.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal) && n != "Microsoft.IdentityModel.Abstractions");
        Assert.DoesNotContain(assemblies, n => n.StartsWith("System.Text.Json", StringComparison.Ordinal) || n.StartsWith("Newtonsoft.Json", StringComparison.Ordinal));
        Assert.Empty(assemblies.Except(OurClosure).Except(FunctionsSdkOwn));
    }

    [Theory]
    [InlineData(HttpModel.BuiltIn)]
    [InlineData(HttpModel.AspNetCore)]
    public void AppOutput_HasTheWorkerPackageAndNoNewtonsoft(HttpModel model)
    {
        var output = _apps.Get(model).OutputFolder;
        var worker = Path.Combine(output, "Functions.Worker.Extensions.SignalRInfo.dll");
        Assert.True(File.Exists(worker));
        Assert.Equal(_apps.Version, FileVersionInfo.GetVersionInfo(worker).ProductVersion!.Split('+')[0]);
        Assert.False(File.Exists(Path.Combine(output, "Newtonsoft.Json.dll")));
    }
}
