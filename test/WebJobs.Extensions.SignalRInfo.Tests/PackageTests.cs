using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// The package runs inside the Functions v4 host, which ships Microsoft.Extensions.* and System.* 8.x and its own
/// Microsoft.IdentityModel.*: the package must not pull anything newer, nor IdentityModel's token libraries. (The packed
/// .nupkg itself is checked by PackageContentTests in the end-to-end project, on the packages build/test.sh packs.)
/// </summary>
public class PackageTests
{
    private static readonly string RepositoryRoot = FindRoot();
    private static readonly string LibraryDirectory = Path.Combine(RepositoryRoot, "src", "WebJobs.Extensions.SignalRInfo");

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

    [Fact]
    public void SignalRInfoVersion_IsOneSemanticVersionForBothPackages()
    {
        var version = SignalRInfoVersion();

        foreach (var project in new[] { "WebJobs.Extensions.SignalRInfo", "Functions.Worker.Extensions.SignalRInfo" })
        {
            // No project sets a version of its own: both take build/'s (through build/Package.props).
            var csproj = File.ReadAllText(Path.Combine(RepositoryRoot, "src", project, project + ".csproj"));
            Assert.DoesNotContain("<Version>", csproj, StringComparison.Ordinal);
        }

        Assert.Contains("<Version>$(SignalRInfoVersion)</Version>", File.ReadAllText(Path.Combine(RepositoryRoot, "build", "Package.props")), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(version));
    }

    /// <summary>The property SignalRInfoVersion of build/Common.props, read as MSBuild text (not from our own assembly).</summary>
    internal static string SignalRInfoVersion()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot, "build", "Common.props"));
        var value = props.Descendants().Single(e => e.Name.LocalName == "SignalRInfoVersion").Value.Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", value);
        return value;
    }

    private static int Major(string version) => int.Parse(version.TrimStart('[', '(').Split('.', ',', ')', ']')[0], System.Globalization.CultureInfo.InvariantCulture);

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
