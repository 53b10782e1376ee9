using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// Replaces the console lifetime: the service never hooks Ctrl+C or SIGTERM of the process it is embedded in; its
/// owner stops it by disposing it (the command line does so on Ctrl+C).
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
