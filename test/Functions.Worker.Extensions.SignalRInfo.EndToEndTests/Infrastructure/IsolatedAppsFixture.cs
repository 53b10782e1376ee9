using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// Packs both packages (host and worker) from a copy of the repository into a temporary folder feed, with a unique
/// prerelease version per run, then builds the isolated test app against them with the real Worker.Sdk, once per HTTP
/// model. Everything lives in one temporary folder, removed at the end with that version's folders in the global
/// packages folder. Built once for the whole collection.
/// </summary>
public sealed class IsolatedAppsFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "signalrinfo-e2e-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The unique version both packages were packed with.</summary>
    public string Version { get; } = RepositoryPaths.CommonProperty("SignalRInfoVersion").Split('-')[0] + $"-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    /// <summary>The temporary folder feed holding both packages.</summary>
    public string Feed => Path.Combine(_work, "feed");

    /// <summary>A folder for tests to build more projects in; removed with the fixture.</summary>
    public string Scratch => Path.Combine(_work, "scratch");

    /// <summary>The app built for the built-in HTTP model.</summary>
    public BuiltApp BuiltIn { get; private set; } = null!;

    /// <summary>The app built for ASP.NET Core integration.</summary>
    public BuiltApp AspNetCore { get; private set; } = null!;

    /// <summary>How long packing and building took, for the test output.</summary>
    public string Timings { get; private set; } = string.Empty;

    public BuiltApp Get(HttpModel model) => model == HttpModel.AspNetCore ? AspNetCore : BuiltIn;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Scratch);
        var clock = Stopwatch.StartNew();
        var repo = Path.Combine(_work, "repo");
        CopyTree(Path.Combine(RepositoryPaths.Root, "build"), Path.Combine(repo, "build"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "NuGet.config"), Path.Combine(repo, "NuGet.config"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "src", "Directory.Build.props"), Path.Combine(repo, "src", "Directory.Build.props").EnsureParent());

        // The core both packages compile in.
        CopyTree(Path.Combine(RepositoryPaths.Root, "src", "Shared"), Path.Combine(repo, "src", "Shared"));
        foreach (var project in new[] { "WebJobs.Extensions.SignalRInfo", "Functions.Worker.Extensions.SignalRInfo" })
        {
            var folder = Path.Combine(repo, "src", project);
            CopyTree(Path.Combine(RepositoryPaths.Root, "src", project), folder);
            await ProcessRunner.DotnetAsync(folder, PackTimeout, "pack", "-c", "Release", "-o", Feed, "-p:SignalRInfoVersion=" + Version).ConfigureAwait(false);
        }

        var packed = clock.Elapsed;
        BuiltIn = await BuildAppAsync(HttpModel.BuiltIn).ConfigureAwait(false);
        var builtIn = clock.Elapsed - packed;
        AspNetCore = await BuildAppAsync(HttpModel.AspNetCore).ConfigureAwait(false);
        Timings = $"pack both packages {packed.TotalSeconds:F0} s, build built-in app {builtIn.TotalSeconds:F0} s, build ASP.NET Core app {(clock.Elapsed - packed - builtIn).TotalSeconds:F0} s";
    }

    /// <summary>Writes a NuGet.config into <paramref name="folder"/>: the temporary feed first, then the repository's sources.</summary>
    public void WriteNuGetConfig(string folder)
    {
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "NuGet.config"));
        var clear = config.IndexOf("<clear />", StringComparison.Ordinal);
        var insert = clear >= 0 ? clear + "<clear />".Length : config.IndexOf("<packageSources>", StringComparison.Ordinal) + "<packageSources>".Length;
        config = config.Insert(insert, $"{Environment.NewLine}    <add key=\"signalrinfo-e2e\" value=\"{Feed}\" />");
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), config);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        TryDelete(_work);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "webjobs.extensions.signalrinfo", "functions.worker.extensions.signalrinfo" })
        {
            TryDelete(Path.Combine(packages, id, Version.ToLowerInvariant()));
        }

        return Task.CompletedTask;
    }

    private async Task<BuiltApp> BuildAppAsync(HttpModel model)
    {
        var folder = Path.Combine(_work, "app-" + model.ToString().ToLowerInvariant());
        CopyTree(RepositoryPaths.IsolatedApp, folder);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <FunctionsWorkerVersion>{RepositoryPaths.PackageVersion("Microsoft.Azure.Functions.Worker")}</FunctionsWorkerVersion>
                <FunctionsWorkerSdkVersion>{RepositoryPaths.PackageVersion("Microsoft.Azure.Functions.Worker.Sdk")}</FunctionsWorkerSdkVersion>
                <FunctionsWorkerHttpVersion>{RepositoryPaths.PackageVersion("Microsoft.Azure.Functions.Worker.Extensions.Http")}</FunctionsWorkerHttpVersion>
                <FunctionsWorkerHttpAspNetCoreVersion>{RepositoryPaths.PackageVersion("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore")}</FunctionsWorkerHttpAspNetCoreVersion>
                <SignalRInfoVersion>{Version}</SignalRInfoVersion>
              </PropertyGroup>
            </Project>
            """);
        WriteNuGetConfig(folder);

        // The inner WorkerExtensions build always warns NU1603 here: no -warnaserror.
        var output = await ProcessRunner.DotnetAsync(folder, BuildTimeout, "build", "-c", "Release", "-p:HttpModel=" + model).ConfigureAwait(false);
        return new BuiltApp(model, folder, Path.Combine(folder, "bin", "Release", "net10.0"), output);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj" or "node_modules")
            {
                continue;
            }

            File.Copy(file, Path.Combine(to, relative).EnsureParent(), overwrite: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort: a temporary folder.
        }
    }
}
