using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// <c>--loop NAME SECONDS</c>: one of the negotiate invocation benchmarks (OurBinding, OurBindingWithIdTokenClaims,
/// NoOpBinding, NoBinding) called in a loop, for a profiler to attach to (e.g. <c>dotnet-trace collect -p PID</c>).
/// Prints the process id first and the calls per second at the end.
/// </summary>
internal static class NegotiateLoop
{
    public static int Run(string name, int seconds)
    {
        var benchmarks = new NegotiateInvocationBenchmarks();
        benchmarks.Setup();
        Func<Task> call = name switch
        {
            "OurBinding" => benchmarks.OurBinding,
            "OurBindingWithIdTokenClaims" => benchmarks.OurBindingWithIdTokenClaims,
            "NoOpBinding" => benchmarks.NoOpBinding,
            "NoBinding" => benchmarks.NoBinding,
            _ => throw new ArgumentException("unknown benchmark " + name, nameof(name)),
        };
        Console.WriteLine($"pid {Environment.ProcessId}: {name} for {seconds} s");
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            call().GetAwaiter().GetResult();
            calls++;
        }

        Console.WriteLine($"{calls} calls, {clock.Elapsed.TotalMilliseconds * 1000 / calls:F2} µs per call");
        benchmarks.Cleanup();
        return 0;
    }
}
