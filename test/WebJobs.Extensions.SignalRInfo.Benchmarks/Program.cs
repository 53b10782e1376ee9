using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project test/WebJobs.Extensions.SignalRInfo.Benchmarks</c>
/// (all benchmarks unless <c>--filter</c> says otherwise, each once per round: <see cref="Rounds"/>, <c>--rounds N</c>,
/// default 8), then prints the performance targets (<see cref="TargetReport"/>) against the measured numbers, each
/// the median of its rounds. The minting and invocation classes run in this process, in 4N rounds of quarter-length
/// iterations (<see cref="Rounds.InProcessJobs"/>), the others in a process per case (BenchmarkDotNet's default).
/// <c>--dry</c> runs every benchmark
/// once, in process, to check that it starts and completes (for CI: no timing). The identity cold-start run (N
/// concurrent negotiations, one key request) runs first, in a process of its own; <c>--identity</c> runs only it.
/// <c>--cold-start [N]</c> runs only <see cref="ColdStart"/> (N new processes per variant, their first negotiate);
/// <c>--cold-child</c> is one of those processes. Other arguments go to BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // A cold-start child takes its timestamp first, and this method calls nothing else of the program directly:
        // its JIT loads the assemblies of what it calls, and the child must load only what its host needs.
        var mainStart = Stopwatch.GetTimestamp();
        if (args.Length > 0 && args[0] == ColdStartChild.Switch)
        {
            return ColdStartChild.Run(args, mainStart);
        }

        return Run(args);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Run(string[] args)
    {
        var dry = args.Contains("--dry");
        if (args.Contains(IdentityColdStartBenchmark.ChildSwitch))
        {
            Console.Write(IdentityColdStartBenchmark.RunAsync(dry ? new[] { 1_000 } : new[] { 1_000, 10_000 }).GetAwaiter().GetResult());
            return 0;
        }

        var identityOnly = args.Contains("--identity");
        var loop = Array.IndexOf(args, "--loop");
        if (loop >= 0)
        {
            // For a profiler (dotnet-trace), and to see the warm-up: negotiate benchmarks in a loop, each for the given seconds.
            return NegotiateLoop.Run(args.ElementAtOrDefault(loop + 1) ?? "OurBinding", int.Parse(args.ElementAtOrDefault(loop + 2) ?? "20", System.Globalization.CultureInfo.InvariantCulture));
        }

        var coldStart = Array.IndexOf(args, "--cold-start");
        if (coldStart >= 0)
        {
            // N cold starts per variant, each in a new process; nothing else runs.
            var count = args.ElementAtOrDefault(coldStart + 1);
            var runs = ColdStart.DefaultRuns;
            if (count is not null && !count.StartsWith("--", StringComparison.Ordinal)
                && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1))
            {
                Console.Error.WriteLine("--cold-start N: N is a positive number of runs per variant (default " + ColdStart.DefaultRuns + "), not '" + count + "'.");
                return 2;
            }

            var report = ColdStart.RunAsync(runs).GetAwaiter().GetResult();
            Console.WriteLine();
            Console.WriteLine(report);
            var coldResults = Path.Combine(ArtifactsPath(args.ToList()), "results");
            Directory.CreateDirectory(coldResults);
            File.WriteAllText(Path.Combine(coldResults, "coldstart.md"), report);
            Console.WriteLine("Markdown report: " + Path.Combine(coldResults, "coldstart.md"));
            return 0;
        }

        var roundsAt = Array.IndexOf(args, "--rounds");
        var rounds = Rounds.DefaultCount;
        if (roundsAt >= 0 && (!int.TryParse(args.ElementAtOrDefault(roundsAt + 1), NumberStyles.None, CultureInfo.InvariantCulture, out rounds) || rounds < 1))
        {
            Console.Error.WriteLine("--rounds N: N is a positive number of rounds (default " + Rounds.DefaultCount + "), not '" + args.ElementAtOrDefault(roundsAt + 1) + "'.");
            return 2;
        }

        var rest = FilterSpelledOut(args.Where((a, i) => a != "--dry" && a != "--identity" && (roundsAt < 0 || (i != roundsAt && i != roundsAt + 1))));
        var filtered = rest.Contains("--filter");
        if (!filtered)
        {
            rest.Add("--filter");
            rest.Add("*");
        }

        // The inputs of every benchmark are checked here first (and again in each case's setup).
        CheckInputs();

        // The identity cold start runs in a process of its own (a cold start happens once per key provider): its
        // ~11,000 tokens without claims would otherwise shape the writer's optimised code (tiered PGO) in this process,
        // where the minting rows then measure it. A --filter that names other benchmarks leaves it out.
        var identity = string.Empty;
        if (identityOnly || !filtered || FilterNames(rest, "Identity"))
        {
            identity = IdentityColdStartBenchmark.RunInChild(dry);
            Console.WriteLine(identity);
        }

        if (identityOnly)
        {
            return 0;
        }

        var artifacts = ArtifactsPath(rest);
        IConfig RoundsConfig(IEnumerable<Job> jobs) => ManualConfig.Create(DefaultConfig.Instance).AddJob(jobs.ToArray()).WithOrderer(new Rounds.Orderer()).WithArtifactsPath(artifacts);
        IConfig config = dry
            ? ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .WithArtifactsPath(artifacts)
            : RoundsConfig(Rounds.Jobs(rounds));

        // Classes whose rows are compared with rows that run the same code (the minting rows all end in the same
        // token writer, the invocation rows in the same pipeline) run in this one process, so that every row runs the
        // same compiled code: in a process of its own, each row gets its own JIT's code and layout, and a row's speed
        // differed from process to process by more than the differences measured. The other classes run as before.
        var inProcessTypes = new[] { typeof(TokenMintingBenchmarks), typeof(NegotiateInvocationBenchmarks) };
        var otherTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && Array.IndexOf(inProcessTypes, t) < 0 && BenchmarkMethods(t).Any())
            .ToArray();
        var inProcessConfig = dry ? config : RoundsConfig(Rounds.InProcessJobs(rounds));
        var runInProcess = FilterMatches(rest, inProcessTypes);
        var runOthers = FilterMatches(rest, otherTypes);
        if (!runInProcess && !runOthers)
        {
            if (identity.Length > 0)
            {
                // The filter named only the identity cold start, which has run (as --identity does).
                return 0;
            }

            Console.Error.WriteLine("--filter matched no benchmark. Benchmarks (Namespace.Type.Method): " + string.Join(", ", BenchmarkNames(inProcessTypes.Concat(otherTypes))));
            return 1;
        }

        var inProcessSummaries = new List<BenchmarkDotNet.Reports.Summary>();
        var otherSummaries = new List<BenchmarkDotNet.Reports.Summary>();
        if (runInProcess)
        {
            // The shared invocation host starts at its steady pace (the JIT's climb through the pipeline done).
            NegotiateInvocationBenchmarks.WarmUpOnStart = dry ? TimeSpan.Zero : NegotiateInvocationBenchmarks.SteadyPaceAfter;
            try
            {
                inProcessSummaries.AddRange(BenchmarkSwitcher.FromTypes(inProcessTypes).Run(rest.ToArray(), inProcessConfig));
            }
            finally
            {
                NegotiateInvocationBenchmarks.StopSharedHost();
            }
        }

        if (runOthers)
        {
            otherSummaries.AddRange(BenchmarkSwitcher.FromTypes(otherTypes).Run(rest.ToArray(), config));
        }

        var summaries = inProcessSummaries.Concat(otherSummaries).ToList();
        var failed = (runInProcess && inProcessSummaries.Count == 0) || (runOthers && otherSummaries.Count == 0)
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success || r.ResultStatistics is null));
        if (failed)
        {
            Console.Error.WriteLine("Benchmarks failed: a benchmark did not run or did not complete (see the log above).");
            return 1;
        }

        if (!dry)
        {
            var targets = TargetReport.Create(summaries.SelectMany(s => s.Reports).ToList());
            Console.WriteLine();
            Console.WriteLine(targets);
            var results = Path.Combine(artifacts, "results");
            Directory.CreateDirectory(results);
            File.WriteAllText(Path.Combine(results, "targets.md"), targets + "\n" + identity);
            Console.WriteLine("Markdown reports: " + Path.Combine(artifacts, "results"));
        }

        Console.WriteLine(dry ? "Benchmarks dry run completed." : "Benchmarks completed.");
        return 0;
    }

    /// <summary>BenchmarkDotNet's own --artifacts wins; else the artifacts go beside the program.</summary>
    private static string ArtifactsPath(List<string> args)
    {
        var index = args.IndexOf("--artifacts");
        return index >= 0 && index + 1 < args.Count
            ? Path.GetFullPath(args[index + 1])
            : Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
    }

    /// <summary>
    /// The arguments with BenchmarkDotNet's other spellings of the filter (<c>-f X</c>, <c>--filter=X</c>) written as
    /// <c>--filter X</c>, the one spelling the checks here read.
    /// </summary>
    private static List<string> FilterSpelledOut(IEnumerable<string> args)
    {
        var spelledOut = new List<string>();
        foreach (var arg in args)
        {
            if (arg == "-f")
            {
                spelledOut.Add("--filter");
            }
            else if (arg.StartsWith("--filter=", StringComparison.Ordinal))
            {
                spelledOut.Add("--filter");
                spelledOut.Add(arg.Substring("--filter=".Length));
            }
            else
            {
                spelledOut.Add(arg);
            }
        }

        return spelledOut;
    }

    /// <summary>Whether one of the --filter patterns names something containing <paramref name="name"/> (or is a bare *).</summary>
    private static bool FilterNames(List<string> args, string name)
    {
        return FilterPatterns(args).Any(p => p == "*" || p.Replace("*", string.Empty, StringComparison.Ordinal).Length == 0 || p.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether a --filter pattern matches a benchmark of <paramref name="types"/> as BenchmarkDotNet matches it (the
    /// glob against Namespace.Type.Method, any case): a BenchmarkSwitcher whose filter matches none of its types
    /// prints an error and runs nothing, so the half of the program that the filter does not name is not started.
    /// </summary>
    private static bool FilterMatches(List<string> args, Type[] types)
    {
        var patterns = FilterPatterns(args).ToList();
        return BenchmarkNames(types).Any(name => patterns.Any(p => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(p, name)));
    }

    /// <summary>The patterns after --filter, up to the next option.</summary>
    private static IEnumerable<string> FilterPatterns(List<string> args) =>
        args.SkipWhile(a => a != "--filter").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal));

    private static IEnumerable<string> BenchmarkNames(IEnumerable<Type> types) =>
        types.SelectMany(t => BenchmarkMethods(t).Select(m => t.FullName + "." + m.Name));

    private static IEnumerable<System.Reflection.MethodInfo> BenchmarkMethods(Type type) =>
        type.GetMethods().Where(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false));

    private static void CheckInputs()
    {
        var minting = new TokenMintingBenchmarks();
        minting.Setup();
        minting.Cleanup();
        var invocation = new NegotiateInvocationBenchmarks();
        invocation.Setup();
        NegotiateInvocationBenchmarks.StopSharedHost();
        var routing = new EndpointRoutingBenchmarks();
        routing.Setup();
        routing.Cleanup();
        ConsoleLogger.Default.WriteLineInfo("Benchmark inputs checked: every minter and every negotiate function produces a valid result.");
    }
}
