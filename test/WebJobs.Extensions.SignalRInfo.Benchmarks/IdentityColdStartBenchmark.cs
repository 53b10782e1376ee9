using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// N negotiations start at once against an identity connection that holds no key yet (cold), with
/// the key endpoint on loopback. They must share one key request; each negotiation's latency (its own start to its
/// token) is reported as percentiles. Not a BenchmarkDotNet benchmark: one cold start happens once per provider.
/// </summary>
internal static class IdentityColdStartBenchmark
{
    /// <summary>The key endpoint's simulated service latency.</summary>
    public static readonly TimeSpan EndpointLatency = TimeSpan.FromMilliseconds(20);

    private const string KeyId = "benchmark-entra-kid";
    private const string AccessKey = "EntraKey0123456789abcdefghijklmnopqrstuvwxyz=";

    /// <summary>The switch that makes the program run only this, print its report and exit (<see cref="RunInChild"/>).</summary>
    public const string ChildSwitch = "--identity-child";

    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs the identity cold start (1,000 and 10,000 negotiations; 1,000 for a dry run) in a new process of this
    /// program and returns its report: bounded in time, the process killed by its id if it overruns.
    /// </summary>
    public static string RunInChild(bool dry)
    {
        var start = ColdStart.ProgramStartInfo(ColdStart.DotnetHost(), typeof(Program).Assembly.Location);
        start.ArgumentList.Add(ChildSwitch);
        if (dry)
        {
            start.ArgumentList.Add("--dry");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The identity cold-start process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ChildTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException("The identity cold-start process (pid " + process.Id + ") did not finish within " + ChildTimeout.TotalMinutes + " min and was stopped.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("The identity cold-start process failed (exit code " + process.ExitCode + "): " + errors.GetAwaiter().GetResult());
        }

        return output.GetAwaiter().GetResult();
    }

    public static async Task<string> RunAsync(params int[] counts)
    {
        var text = new StringBuilder("## Identity: concurrent cold negotiations (loopback key endpoint, " + EndpointLatency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms latency)\n\n")
            .Append("Each row uses a new key provider and key endpoint, so every negotiation starts without a key; one untimed round\n")
            .Append("first warms the process (JIT of the key endpoint and HttpClient), which a Functions host has done before its first negotiate.\n\n")
            .Append("| Negotiations | Key requests | p50 | p90 | p99 | max | all done |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        await RunOnceAsync(10).ConfigureAwait(false);
        foreach (var count in counts)
        {
            var (requests, latencies, wall) = await RunOnceAsync(count).ConfigureAwait(false);
            Array.Sort(latencies);
            text.Append("| ").Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append(" | ").Append(requests)
                .Append(" | ").Append(Ms(Percentile(latencies, 0.50))).Append(" | ").Append(Ms(Percentile(latencies, 0.90)))
                .Append(" | ").Append(Ms(Percentile(latencies, 0.99))).Append(" | ").Append(Ms(latencies[^1]))
                .Append(" | ").Append(Ms(wall)).Append(" |\n");
        }

        return text.ToString();
    }

    private static async Task<(int Requests, double[] Latencies, double Wall)> RunOnceAsync(int count)
    {
        // The service's key endpoint (README, "Microsoft Entra ID"): answers {"KeyId","AccessKey"} after the latency.
        await using var server = KeyEndpointServer.Start();
        server.Responder = async _ =>
        {
            await Task.Delay(EndpointLatency).ConfigureAwait(false);
            return KeyReply.Key(KeyId, AccessKey);
        };
        var endpoint = new ServiceEndpoint(new Uri(server.BaseUrl));
        using var client = new IdentityKeyClient(TimeProvider.System);
        using var provider = new IdentityKeyProvider(endpoint.AccessKeyUri, new FakeTokenCredential(), "benchmark credential", client, new IdentityKeyPolicy(), TimeProvider.System, NullLogger.Instance, CancellationToken.None);
        var connection = new IdentityConnection(BenchmarkInputs.SettingName, endpoint, provider, new SignalRInfoOptions().ToSettings());

        var latencies = new double[count];
        var tokens = new string[count];
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var negotiations = new Task[count];
        for (var i = 0; i < count; i++)
        {
            negotiations[i] = NegotiateAsync(i);
        }

        var wall = Stopwatch.StartNew();
        gate.SetResult();
        await Task.WhenAll(negotiations).ConfigureAwait(false);
        wall.Stop();

        if (server.RequestCount != 1)
        {
            throw new InvalidOperationException("Identity benchmark: " + count + " cold negotiations made " + server.RequestCount + " key requests; they must share one.");
        }

        // The endpoint answers whatever it is sent: check that the request was the one the service accepts.
        var request = server.Requests[0];
        if (request.Method != "GET" || request.Path != KeyEndpointServer.KeyPath || request.Query.Length != 0 || request.Authorization != "Bearer " + FakeTokenCredential.TokenValue)
        {
            throw new InvalidOperationException("Identity benchmark: unexpected key request " + request.Method + " " + request.Path + request.Query + " (Authorization: " + request.Authorization + ").");
        }

        var audience = endpoint.GetAudience(BenchmarkInputs.LowerHub);
        InputChecks.IdentityToken("identity (first)", tokens[0], AccessKey, KeyId, audience);
        InputChecks.IdentityToken("identity (last)", tokens[count - 1], AccessKey, KeyId, audience);
        return (server.RequestCount, latencies, wall.Elapsed.TotalMilliseconds);

        async Task NegotiateAsync(int index)
        {
            await gate.Task.ConfigureAwait(false);
            var start = Stopwatch.GetTimestamp();
            var key = await connection.GetSigningKeyAsync(CancellationToken.None).ConfigureAwait(false);
            tokens[index] = AccessTokenWriter.Write(key, endpoint.AudiencePrefix, BenchmarkInputs.LowerHub, BenchmarkInputs.UserId, default, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), BenchmarkInputs.LifetimeSeconds);
            latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
