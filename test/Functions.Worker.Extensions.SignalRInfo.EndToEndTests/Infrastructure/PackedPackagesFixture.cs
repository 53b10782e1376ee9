using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// Both packages as released (Release, the version of build/Common.props): the ones build/test.sh packed once
/// (folder in SIGNALRINFO_PACKAGES, with its pack.log), or, when the tests run alone, packed here into a temporary folder.
/// </summary>
public sealed class PackedPackagesFixture : IAsyncLifetime
{
    private string? _own;

    /// <summary>The folder with the .nupkg and .snupkg files and pack.log.</summary>
    public string Folder { get; private set; } = string.Empty;

    /// <summary>The version both packages carry.</summary>
    public string Version { get; } = RepositoryPaths.CommonProperty("SignalRInfoVersion");

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("SIGNALRINFO_PACKAGES");
        if (!string.IsNullOrEmpty(given) && File.Exists(Path.Combine(given, "pack.log")))
        {
            Folder = given;
            return;
        }

        _own = Path.Combine(Path.GetTempPath(), "signalrinfo-packages-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_own);
        var log = string.Empty;
        foreach (var project in new[] { "WebJobs.Extensions.SignalRInfo", "Functions.Worker.Extensions.SignalRInfo" })
        {
            log += await ProcessRunner.DotnetAsync(RepositoryPaths.Root, TimeSpan.FromMinutes(5), "pack", Path.Combine(RepositoryPaths.Root, "src", project), "-c", "Release", "-o", _own).ConfigureAwait(false);
        }

        File.WriteAllText(Path.Combine(_own, "pack.log"), log);
        Folder = _own;
    }

    public Task DisposeAsync()
    {
        if (_own is not null && Directory.Exists(_own))
        {
            Directory.Delete(_own, recursive: true);
        }

        return Task.CompletedTask;
    }
}
