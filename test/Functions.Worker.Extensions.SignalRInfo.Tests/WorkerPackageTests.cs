using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// What the Worker.Sdk reads from the package: ExtensionInformation (which host extension, which version, to install)
/// and WorkerExtensionStartup; and what the package brings along (no Newtonsoft.Json).
/// </summary>
public class WorkerPackageTests
{
    internal static readonly string RepositoryRoot = FindRoot();

    private static readonly Assembly Worker = typeof(SignalRConnectionInfo).Assembly;

    /// <summary>The property SignalRInfoVersion of build/Common.props, read as MSBuild text.</summary>
    private static string SignalRInfoVersion()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot, "build", "Common.props"));
        var value = props.Descendants().Single(e => e.Name.LocalName == "SignalRInfoVersion").Value.Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", value);
        return value;
    }

    [Fact]
    public void ExtensionInformation_NamesTheHostPackageAtTheRepositoryVersion()
    {
        var information = Assert.Single(Worker.GetCustomAttributes<ExtensionInformationAttribute>());

        Assert.Equal("WebJobs.Extensions.SignalRInfo", information.ExtensionPackage);
        Assert.Equal(SignalRInfoVersion(), information.ExtensionVersion);
    }

    [Fact]
    public void ExtensionInformation_VersionIsTheAssemblysInformationalVersion()
    {
        var information = Worker.GetCustomAttribute<ExtensionInformationAttribute>()!;
        var informational = Worker.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        // The SDK may append "+<commit>" (source link) to the informational version: the version is what precedes it.
        Assert.Equal(information.ExtensionVersion, informational.Split('+')[0]);
    }

    [Fact]
    public void WorkerExtensionStartup_NamesSignalRInfoWorkerExtensionStartup()
    {
        var startup = Assert.Single(Worker.GetCustomAttributes<WorkerExtensionStartupAttribute>());

        Assert.Equal(typeof(SignalRInfoWorkerExtensionStartup), startup.StartupType);
        Assert.True(typeof(WorkerExtensionStartup).IsAssignableFrom(startup.StartupType));
        Assert.NotNull(startup.StartupType.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void Restore_DependencyClosure_HasNoNewtonsoftJson()
    {
        var assets = Path.Combine(RepositoryRoot, "src", "Functions.Worker.Extensions.SignalRInfo", "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));

        var libraries = document.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToArray();
        Assert.Contains("Microsoft.Azure.Functions.Worker.Core", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("Newtonsoft", StringComparison.OrdinalIgnoreCase));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebJobs.Extensions.SignalRInfo.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
