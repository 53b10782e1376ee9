using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// Runs the local SignalR service alone:
/// <c>dotnet run --project src/WebJobs.Extensions.SignalRInfo.LocalService -- [--port N] [--access-key K] [--host-name H] [--unhealthy]</c>.
/// Prints the connection string and runs until Ctrl+C (or SIGTERM).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return await RunAsync(args, Console.Out, Console.Error, configureLogging: true, stop.Token).ConfigureAwait(false);
    }

    /// <summary>Parses the arguments, starts the service, prints how to use it and waits for <paramref name="stop"/>.</summary>
    /// <returns>0 after a clean stop, 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool configureLogging, CancellationToken stop)
    {
        if (!LocalServiceCommandLine.TryParse(args, out var options, out var help, out var problem))
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(LocalServiceCommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        if (help)
        {
            await output.WriteLineAsync(LocalServiceCommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        if (configureLogging)
        {
            options.ConfigureLogging = logging => logging
                .AddSimpleConsole(o => o.SingleLine = true)
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        }

        await using var service = await LocalSignalRService.StartAsync(options, stop).ConfigureAwait(false);
        await output.WriteLineAsync($"Local SignalR service (validates tokens like Azure SignalR Service) on http://127.0.0.1:{service.Port}").ConfigureAwait(false);
        await output.WriteLineAsync($"Clients connect to {service.Endpoint}client/?hub=<hub>; set AzureSignalRConnectionString to:").ConfigureAwait(false);
        await output.WriteLineAsync(service.ConnectionString).ConfigureAwait(false);
        await output.WriteLineAsync(service.Healthy
            ? $"Health probe: HEAD/GET {service.Endpoint}api/health answers 200."
            : $"Health probe: HEAD/GET {service.Endpoint}api/health answers {service.UnhealthyStatusCode} (started with --unhealthy; every other route works).").ConfigureAwait(false);
        await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
