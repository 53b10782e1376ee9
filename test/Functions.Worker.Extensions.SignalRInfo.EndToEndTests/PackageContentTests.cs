using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// What a user gets from the package feed and the symbol server: both packages as packed by build/test.sh (Release),
/// read from the .nupkg/.snupkg files themselves.
/// </summary>
public sealed class PackageContentTests : IClassFixture<PackedPackagesFixture>
{
    private const string Host = "WebJobs.Extensions.SignalRInfo";
    private const string Worker = "Functions.Worker.Extensions.SignalRInfo";

    private readonly PackedPackagesFixture _packages;

    public PackageContentTests(PackedPackagesFixture packages)
    {
        _packages = packages;
    }

    public static TheoryData<string> Packages => new() { Host, Worker };

    [Fact]
    public void Pack_PrintedNoWarning()
    {
        var log = File.ReadAllLines(Path.Combine(_packages.Folder, "pack.log"));

        // NU1603 is the feed's, at restore (a near version served for a transitive dependency), not the packages'.
        var warnings = log.Where(l => Regex.IsMatch(l, @"\bwarning\b", RegexOptions.IgnoreCase) && !l.Contains("NU1603", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, string.Join(Environment.NewLine, warnings));
        Assert.Equal(4, log.Count(l => l.Contains("Successfully created package", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Nuspec_HasReadmeLicenseUrlsDescriptionAndTagsFromBuild(string id)
    {
        using var package = Open(id, "nupkg");
        var (nuspec, ns) = Nuspec(package);
        var url = RepositoryPaths.BuildProperty("Package.props", "SignalRInfoProjectUrl");

        Assert.Equal(id, (string?)nuspec.Descendants(ns + "id").Single());
        Assert.Equal(_packages.Version, (string?)nuspec.Descendants(ns + "version").Single());
        Assert.Equal("README.md", (string?)nuspec.Descendants(ns + "readme").Single());
        var readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
        Assert.StartsWith("# " + id, readme, StringComparison.Ordinal);
        Assert.DoesNotContain("](../", readme, StringComparison.Ordinal);
        var license = nuspec.Descendants(ns + "license").Single();
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal(url, (string?)nuspec.Descendants(ns + "projectUrl").Single());
        Assert.Equal(url, (string?)nuspec.Descendants(ns + "repository").Single().Attribute("url"));
        Assert.False(string.IsNullOrWhiteSpace((string?)nuspec.Descendants(ns + "description").Single()));
        Assert.Contains("SignalR", ((string?)nuspec.Descendants(ns + "tags").Single() ?? string.Empty).Split(' '));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryTarget_HasXmlDocsInThePackageAndAPortablePdbInTheSymbolPackage(string id)
    {
        using var package = Open(id, "nupkg");
        using var symbols = Open(id, "snupkg");
        var targets = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.FullName.EndsWith("/" + id + ".dll", StringComparison.Ordinal))
            .Select(e => e.FullName[..^(id.Length + ".dll".Length)]).ToArray();

        Assert.Equal(id == Host ? new[] { "lib/net8.0/", "lib/netstandard2.0/" } : new[] { "lib/netstandard2.0/" }, targets.OrderBy(t => t, StringComparer.Ordinal));
        foreach (var target in targets)
        {
            Assert.NotNull(package.GetEntry(target + id + ".xml"));
            var pdb = symbols.GetEntry(target + id + ".pdb");
            Assert.NotNull(pdb);
            using var stream = new MemoryStream();
            pdb!.Open().CopyTo(stream);
            stream.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
            var pdbReader = provider.GetMetadataReader();
            var documents = pdbReader.Documents.Select(d => pdbReader.GetString(pdbReader.GetDocument(d).Name)).ToArray();
            Assert.True(documents.Length > 0, target + ": the portable PDB lists no source documents");
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                // ContinuousIntegrationBuild: no path of the build machine in the PDB.
                Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
            }

            using var dll = new MemoryStream();
            package.GetEntry(target + id + ".dll")!.Open().CopyTo(dll);
            dll.Position = 0;
            using var pe = new PEReader(dll);
            Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.CodeView);
            Assert.Equal(_packages.Version, InformationalVersion(pe.GetMetadataReader()).Split('+')[0]);
        }
    }

    [Fact]
    public void HostPackage_DependsOnNothingAboveMajor8AndNoIdentityModel()
    {
        using var package = Open(Host, "nupkg");
        var groups = DependencyGroups(package);

        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (dependency, version) in groups.Values.SelectMany(d => d))
        {
            Assert.False(dependency.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal), dependency);
            if (dependency.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || dependency.StartsWith("System.", StringComparison.Ordinal) || dependency.StartsWith("Microsoft.Bcl.", StringComparison.Ordinal))
            {
                Assert.True(int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) <= 8, $"{dependency} {version}");
            }
        }
    }

    [Fact]
    public void WorkerPackage_DependsOnlyOnTheWorkerCoreAbstractionsAndWhatTheSharedCoreNeeds()
    {
        using var package = Open(Worker, "nupkg");
        var groups = DependencyGroups(package);

        // The shared core is compiled in (no package of ours besides this one); it needs Azure.Identity and
        // Microsoft.Extensions.Azure for identity-based connections, and TimeProvider on netstandard2.0.
        var group = Assert.Single(groups);
        Assert.Equal(".NETStandard2.0", group.Key);
        Assert.Equal(
            new[] { "Azure.Identity", "Microsoft.Azure.Functions.Worker.Core", "Microsoft.Azure.Functions.Worker.Extensions.Abstractions", "Microsoft.Bcl.TimeProvider", "Microsoft.Extensions.Azure" },
            group.Value.Select(d => d.Id).OrderBy(d => d, StringComparer.Ordinal));
    }

    [Fact]
    public void WorkerAssembly_ExtensionInformationNamesTheHostPackageAtItsVersion()
    {
        using var worker = Open(Worker, "nupkg");
        using var host = Open(Host, "nupkg");
        var hostVersion = (string?)Nuspec(host).Doc.Descendants(Nuspec(host).Ns + "version").Single();

        using var dll = new MemoryStream();
        worker.GetEntry($"lib/netstandard2.0/{Worker}.dll")!.Open().CopyTo(dll);
        dll.Position = 0;
        using var pe = new PEReader(dll);
        var reader = pe.GetMetadataReader();
        var arguments = AssemblyAttributeStrings(reader, "ExtensionInformationAttribute");

        Assert.Equal(new[] { Host, hostVersion }, arguments.Take(2).ToArray());
    }

    private ZipArchive Open(string id, string extension)
    {
        var path = Path.Combine(_packages.Folder, $"{id}.{_packages.Version}.{extension}");
        Assert.True(File.Exists(path), path + " was not packed");
        return ZipFile.OpenRead(path);
    }

    private static (XDocument Doc, XNamespace Ns) Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var doc = XDocument.Load(stream);
        return (doc, doc.Root!.Name.Namespace);
    }

    private static Dictionary<string, (string Id, string Version)[]> DependencyGroups(ZipArchive package)
    {
        var (doc, ns) = Nuspec(package);
        return doc.Descendants(ns + "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements(ns + "dependency").Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!)).ToArray());
    }

    private static string InformationalVersion(MetadataReader reader) =>
        AssemblyAttributeStrings(reader, "AssemblyInformationalVersionAttribute").Single();

    /// <summary>The string constructor arguments of an assembly attribute, read from the metadata (no loading).</summary>
    private static List<string> AssemblyAttributeStrings(MetadataReader reader, string attributeName)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var name = attribute.Constructor.Kind == HandleKind.MemberReference
                ? reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent ? reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) : null
                : null;
            if (name != attributeName)
            {
                continue;
            }

            var blob = reader.GetBlobReader(attribute.Value);
            Assert.Equal(1, blob.ReadUInt16());
            var values = new List<string>();
            while (blob.RemainingBytes > 2)
            {
                values.Add(blob.ReadSerializedString() ?? string.Empty);
                if (values.Count == 2 && attributeName == "ExtensionInformationAttribute")
                {
                    break;
                }
            }

            return values;
        }

        throw new Xunit.Sdk.XunitException(attributeName + " not found");
    }
}
