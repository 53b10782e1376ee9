using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// A whole negotiate call through a real JobHost (a new HttpRequest in, the function's SignalRConnectionInfo out),
/// the same function with a no-op binding of the same attribute shape (Baseline: the pipeline's own cost), and
/// with no binding at all. One host serves all four functions, so they share the pipeline and its configuration;
/// the benchmark program runs this class in the program's own process (BenchmarkDotNet's in-process toolchain), so that the
/// four rows also share that host and the pipeline's compiled code: in a process per row, a row's pace differed
/// from process to process by more than the rows differ. A process calling the pipeline reaches its steady pace only
/// after about 5 s of calls (the tiered JIT works through the pipeline's methods; <c>--loop NAME,NAME,… 1</c> shows
/// it second by second): the shared host calls the four functions in turn for <see cref="WarmUpOnStart"/> when it
/// starts, before any case measures.
/// </summary>
[MemoryDiagnoser]
public class NegotiateInvocationBenchmarks
{
    private readonly string _idToken = BenchmarkInputs.IdToken();
    // The host every case of this process uses: started by the first setup, kept from case to case (no cleanup), stopped by StopSharedHost.
    private static IHost? s_host;
    private IJobHost _jobHost = null!;

    /// <summary>How long a process takes to reach its steady pace through the pipeline once it calls it, with a margin.</summary>
    public static readonly TimeSpan SteadyPaceAfter = TimeSpan.FromSeconds(8);

    /// <summary>How long the shared host calls the four functions in turn when it starts (none unless the program sets it).</summary>
    public static TimeSpan WarmUpOnStart { get; set; }

    /// <summary>Stops the shared host (after the last case that uses it; the next setup starts a new one).</summary>
    public static void StopSharedHost()
    {
        var host = s_host;
        s_host = null;
        if (host is not null)
        {
            host.StopAsync().GetAwaiter().GetResult();
            host.Dispose();
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var started = s_host is null;
        s_host ??= NegotiateHost.Start();
        _jobHost = s_host.Services.GetRequiredService<IJobHost>();
        InputChecks.Invocation(this);
        if (started && WarmUpOnStart > TimeSpan.Zero)
        {
            WarmUp(WarmUpOnStart);
        }
    }

    /// <summary>Calls the four functions in turn, in blocks of 200 calls each, for <paramref name="duration"/>.</summary>
    private void WarmUp(TimeSpan duration)
    {
        var calls = new Func<Task<SignalRConnectionInfo>>[] { OurBinding, OurBindingWithIdTokenClaims, NoOpBinding, NoBinding };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var call in calls)
            {
                for (var i = 0; i < 200; i++)
                {
                    call().GetAwaiter().GetResult();
                }
            }
        }
    }

    [Benchmark(Description = "Negotiate: our binding")]
    public Task<SignalRConnectionInfo> OurBinding() => CallAsync(NegotiateFunctions.Ours);

    [Benchmark(Description = "Negotiate: our binding + IdToken claims")]
    public Task<SignalRConnectionInfo> OurBindingWithIdTokenClaims() => CallAsync(NegotiateFunctions.OursWithClaims);

    [Benchmark(Baseline = true, Description = "Negotiate: no-op binding")]
    public Task<SignalRConnectionInfo> NoOpBinding() => CallAsync(NegotiateFunctions.NoOp);

    [Benchmark(Description = "Negotiate: no binding")]
    public Task<SignalRConnectionInfo> NoBinding() => CallAsync(NegotiateFunctions.Bare);

    private async Task<SignalRConnectionInfo> CallAsync(string function)
    {
        // Every call gets a new request, as every client negotiate does; all four functions get the same one.
        var request = NegotiateHost.Request(_idToken);
        await _jobHost.CallAsync(function, new Dictionary<string, object?> { ["req"] = request }).ConfigureAwait(false);
        return (SignalRConnectionInfo)request.HttpContext.Items[NegotiateHost.ResponseKey]!;
    }
}
