using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>Where the repository is, and what build/ says (versions).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string IsolatedApp => Path.Combine(Root, "test", "Functions.Worker.Extensions.SignalRInfo.IsolatedApp");

    /// <summary>The version of a package as build/Packages.props pins it.</summary>
    public static string PackageVersion(string id)
    {
        var props = XDocument.Load(Path.Combine(Root, "build", "Packages.props"));
        var element = props.Descendants("PackageVersion").SingleOrDefault(e => string.Equals((string?)e.Attribute("Include"), id, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"build/Packages.props has no PackageVersion for {id}.");
        return (string)element.Attribute("Version")!;
    }

    /// <summary>A property of build/Common.props (e.g. SignalRInfoVersion).</summary>
    public static string CommonProperty(string name) => BuildProperty("Common.props", name);

    /// <summary>A property of one of build/'s files (e.g. Package.props, SignalRInfoProjectUrl).</summary>
    public static string BuildProperty(string file, string name)
    {
        var props = XDocument.Load(Path.Combine(Root, "build", file));
        return props.Descendants(name).Single().Value.Trim();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WebJobs.Extensions.SignalRInfo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (WebJobs.Extensions.SignalRInfo.sln) was not found above " + AppContext.BaseDirectory);
    }
}
