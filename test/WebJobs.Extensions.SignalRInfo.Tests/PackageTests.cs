using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// The package runs inside the Functions v4 host, which ships Microsoft.Extensions.* and System.* 8.x and its own
/// Microsoft.IdentityModel.*: the package must not pull anything newer, nor IdentityModel's token libraries.
/// </summary>
public class PackageTests
{
    private static readonly string RepositoryRoot = FindRoot();
    private static readonly string LibraryDirectory = Path.Combine(RepositoryRoot, "src", "WebJobs.Extensions.SignalRInfo");

    [Fact]
    public void Pack_Nuspec_DependsOnNothingAboveMajor8AndNoIdentityModel()
    {
        var output = Path.Combine(Path.GetTempPath(), "signalrinfo-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("dotnet", $"pack \"{LibraryDirectory}\" -c Release --no-restore -o \"{output}\" -p:TreatWarningsAsErrors=true");
            var package = Directory.GetFiles(output, "WebJobs.Extensions.SignalRInfo.*.nupkg").Single();
            using var zip = ZipFile.OpenRead(package);
            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = nuspecEntry.Open();
            var nuspec = XDocument.Load(stream);
            XNamespace ns = nuspec.Root!.Name.Namespace;

            // The one version of both packages, from build/Common.props.
            var expectedVersion = SignalRInfoVersion();
            Assert.Equal(expectedVersion, (string?)nuspec.Descendants(ns + "version").Single());
            Assert.Equal("WebJobs.Extensions.SignalRInfo." + expectedVersion + ".nupkg", Path.GetFileName(package));

            var groups = nuspec.Descendants(ns + "group").ToDictionary(g => (string)g.Attribute("targetFramework")!, g => g.Elements(ns + "dependency").Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!)).ToArray());
            Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (id, version) in groups.Values.SelectMany(d => d))
            {
                Assert.False(id.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal), id);
                if (id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || id.StartsWith("System.", StringComparison.Ordinal))
                {
                    Assert.True(Major(version) <= 8, $"{id} {version}");
                }
            }

            Assert.Contains(zip.Entries, e => e.FullName == "lib/netstandard2.0/WebJobs.Extensions.SignalRInfo.dll");
            Assert.Contains(zip.Entries, e => e.FullName == "lib/net8.0/WebJobs.Extensions.SignalRInfo.dll");
            Assert.Contains(zip.Entries, e => e.FullName == "lib/net8.0/WebJobs.Extensions.SignalRInfo.xml");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Restore_DependencyClosure_StaysAtMajor8AndHasNoIdentityModelTokenLibraries()
    {
        var assets = Path.Combine(LibraryDirectory, "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));

        // The closure users get: walk each target framework's graph from the direct dependencies that flow to the
        // package, leaving out build-time ones (PrivateAssets="all": Source Link, the public API analyzers).
        var libraries = new HashSet<(string Id, string Version)>();
        foreach (var framework in document.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject())
        {
            var target = document.RootElement.GetProperty("targets").EnumerateObject().Single(t => NuGetFrameworkMatches(t.Name, framework.Name)).Value;
            var byId = target.EnumerateObject().ToDictionary(p => p.Name.Split('/')[0], p => (Version: p.Name.Split('/')[1], Body: p.Value), StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>(framework.Value.GetProperty("dependencies").EnumerateObject()
                .Where(d => !(d.Value.TryGetProperty("suppressParent", out var suppress) && suppress.GetString() == "All"))
                .Select(d => d.Name));
            while (pending.Count > 0)
            {
                var id = pending.Pop();
                if (!byId.TryGetValue(id, out var library) || !libraries.Add((id, library.Version)))
                {
                    continue;
                }

                if (library.Body.TryGetProperty("dependencies", out var dependencies))
                {
                    foreach (var dependency in dependencies.EnumerateObject())
                    {
                        pending.Push(dependency.Name);
                    }
                }
            }
        }

        Assert.Contains(libraries, l => l.Id == "Azure.Identity");
        Assert.DoesNotContain(libraries, l => l.Id.StartsWith("Microsoft.SourceLink.", StringComparison.Ordinal) || l.Id.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal));
        foreach (var (id, version) in libraries)
        {
            if (id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || id.StartsWith("System.", StringComparison.Ordinal))
            {
                Assert.True(Major(version) <= 8, $"{id} {version}");
            }

            // MSAL (under Azure.Identity) brings only the tiny Microsoft.IdentityModel.Abstractions, which the host also ships.
            if (id.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal))
            {
                Assert.Equal("Microsoft.IdentityModel.Abstractions", id);
            }
        }
    }

    /// <summary>"netstandard2.0" is the target ".NETStandard,Version=v2.0", "net8.0" is "net8.0".</summary>
    private static bool NuGetFrameworkMatches(string target, string framework) =>
        string.Equals(target, framework, StringComparison.OrdinalIgnoreCase)
        || (framework == "netstandard2.0" && target == ".NETStandard,Version=v2.0");

    /// <summary>The property SignalRInfoVersion of build/Common.props, read as MSBuild text (not from our own assembly).</summary>
    internal static string SignalRInfoVersion()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot, "build", "Common.props"));
        var value = props.Descendants().Single(e => e.Name.LocalName == "SignalRInfoVersion").Value.Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", value);
        return value;
    }

    private static int Major(string version) => int.Parse(version.TrimStart('[', '(').Split('.', ',', ')', ']')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} failed:\n{stdout.Result}\n{stderr}");
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
