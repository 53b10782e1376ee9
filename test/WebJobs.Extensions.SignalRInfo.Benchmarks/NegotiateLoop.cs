using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// <c>--loop NAME[,NAME…] SECONDS</c>: the negotiate invocation benchmarks (OurBinding, OurBindingWithIdTokenClaims,
/// NoOpBinding, NoBinding) called in a loop on one host, each name for the given seconds in turn, for a profiler to
/// attach to (e.g. <c>dotnet-trace collect -p PID</c>). Prints the process id first and the time per call of each
/// segment, so that a list of one name shows how long the process takes to reach its steady pace (tiered JIT).
/// </summary>
internal static class NegotiateLoop
{
    public static int Run(string names, int seconds)
    {
        var benchmarks = new NegotiateInvocationBenchmarks();
        benchmarks.Setup();
        Console.WriteLine($"pid {Environment.ProcessId}: {names}, {seconds} s each");
        foreach (var name in names.Split(','))
        {
            Func<Task> call = name switch
            {
                "OurBinding" => benchmarks.OurBinding,
                "OurBindingWithIdTokenClaims" => benchmarks.OurBindingWithIdTokenClaims,
                "NoOpBinding" => benchmarks.NoOpBinding,
                "NoBinding" => benchmarks.NoBinding,
                _ => throw new ArgumentException("unknown benchmark " + name, nameof(names)),
            };
            var clock = Stopwatch.StartNew();
            long calls = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                call().GetAwaiter().GetResult();
                calls++;
            }

            Console.WriteLine($"{name}: {calls} calls, {clock.Elapsed.TotalMilliseconds * 1000 / calls:F2} µs per call");
        }

        NegotiateInvocationBenchmarks.StopSharedHost();
        return 0;
    }
}
