using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// JavaScript, Python, Java and PowerShell apps load an extension that is not in an extension bundle through an
/// <c>extensions.csproj</c> at the app root (host.json without <c>extensionBundle</c>), built into <c>bin/</c> — what
/// <c>func extensions install</c> does. Built here against the packed package: the host finds our start-up in
/// <c>bin/extensions.json</c>.
/// </summary>
[Collection(IsolatedAppsCollection.Name)]
public sealed class LanguageExtensionsProjectTests
{
    private readonly IsolatedAppsFixture _apps;

    public LanguageExtensionsProjectTests(IsolatedAppsFixture apps)
    {
        _apps = apps;
    }

    [Fact]
    public async Task ExtensionsCsproj_BuiltIntoBin_ListsOurStartupForTheHost()
    {
        var app = Path.Combine(_apps.Scratch, "javascript-app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "extensions.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <DefaultItemExcludes>**</DefaultItemExcludes>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Azure.WebJobs.Script.ExtensionsMetadataGenerator" Version="{RepositoryPaths.PackageVersion("Microsoft.Azure.WebJobs.Script.ExtensionsMetadataGenerator")}" />
                <PackageReference Include="WebJobs.Extensions.SignalRInfo" Version="{_apps.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "host.json"), """{ "version": "2.0" }""");
        _apps.WriteNuGetConfig(app);

        await ProcessRunner.DotnetAsync(app, TimeSpan.FromMinutes(10), "build", "extensions.csproj", "-c", "Release", "-o", "bin");

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "bin", "extensions.json")))!;
        var ours = ((JsonArray)json["extensions"]!).Single(e => (string)e!["name"]! == "SignalRInfo")!;
        Assert.StartsWith("WebJobs.Extensions.SignalRInfo.SignalRInfoWebJobsStartup, WebJobs.Extensions.SignalRInfo, Version=", (string)ours["typeName"]!, StringComparison.Ordinal);

        // No hint path here: the host probes bin/ for the assembly the type name gives (and keeps its own copies of the
        // assemblies it ships, such as Microsoft.Azure.WebJobs, which the build also copies there).
        Assert.Null(ours["hintPath"]);
        var assembly = Path.Combine(app, "bin", "WebJobs.Extensions.SignalRInfo.dll");
        Assert.True(File.Exists(assembly));
        Assert.Equal(_apps.Version, System.Diagnostics.FileVersionInfo.GetVersionInfo(assembly).ProductVersion!.Split('+')[0]);
    }
}
