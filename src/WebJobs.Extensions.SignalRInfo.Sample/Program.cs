using System;
using System.Threading.Tasks;

namespace WebJobs.Extensions.SignalRInfo.Sample;

/// <summary>Runs the sample negotiate host: <c>dotnet run --project src/WebJobs.Extensions.SignalRInfo.Sample</c>.</summary>
public static class Program
{
    /// <summary>Starts the host, prints its URLs and runs until Ctrl+C.</summary>
    /// <param name="args">ASP.NET Core arguments, e.g. <c>--urls http://127.0.0.1:7072</c>.</param>
    /// <returns>A task that ends when the host stops.</returns>
    public static async Task Main(string[] args)
    {
        await using var host = await SampleHost.StartAsync(args);
        Console.WriteLine($"Chat page:      {host.BaseUri}");
        Console.WriteLine($"Negotiate:      {new Uri(host.BaseUri, "api/negotiate")} (POST; user from header '{SampleHost.PrincipalIdHeader}' or ?user=)");
        Console.WriteLine(host.LocalService is null
            ? "SignalR Service: from the AzureSignalRConnectionString setting"
            : $"SignalR Service: local, embedded, at {host.LocalService.Endpoint} (no Azure needed)");
        Console.WriteLine("Press Ctrl+C to stop.");
        await host.WaitForShutdownAsync();
    }
}
