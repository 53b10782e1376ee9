using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// Rounds: every benchmark of a class runs once per round, a round's cases one after another, the rounds one after
/// another, each round starting one case later than the one before. This machine's speed drifts by tens of percent
/// over seconds (a shared virtual machine): two cases measured a minute apart compare the machine as much as the
/// code. Within a round the compared cases are measured seconds apart; a target is checked per round, and its
/// median over the rounds is the result (every round's value is printed too). BenchmarkDotNet computes each round's
/// Ratio column against that round's baseline.
/// </summary>
internal static class Rounds
{
    /// <summary>Rounds per run unless <c>--rounds N</c> says otherwise.</summary>
    public const int DefaultCount = 8;

    private const string Prefix = "Round";

    /// <summary>
    /// How many shorter rounds the classes that run in the program's process get per round: as many rounds, each with
    /// iterations as much shorter (<see cref="InProcessJobs"/>).
    /// </summary>
    public const int InProcessSplit = 4;

    /// <summary>
    /// One job per round (a process per case unless <see cref="InProcessJobs"/> says otherwise), 3 warm-up and 10 measured iterations of the default length (0.5 s), so that the
    /// cases of a round are measured close together. The empty-method overhead BenchmarkDotNet would subtract (about a
    /// nanosecond, the same for every row) is not measured: that stage alone took as long as the measurement.
    /// </summary>
    public static IEnumerable<Job> Jobs(int count) =>
        Enumerable.Range(1, count).Select(r => Job.Default.WithId(Prefix + r.ToString(CultureInfo.InvariantCulture))
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithEvaluateOverhead(false));

    /// <summary>
    /// The rounds of the classes that run in the program's process (BenchmarkDotNet's in-process toolchain):
    /// <see cref="InProcessSplit"/> times as many, each iteration that much shorter (0.125 s), so that every row is
    /// measured for as long as in <see cref="Jobs"/> while the cases of a round are measured closer together: the
    /// machine drifts less between them, and the median has more rounds to go by. No process starts between cases.
    /// </summary>
    public static IEnumerable<Job> InProcessJobs(int count) =>
        Jobs(count * InProcessSplit).Select(j => j.WithIterationTime(TimeInterval.FromMilliseconds(500.0 / InProcessSplit)).WithToolchain(InProcessEmitToolchain.Instance));

    /// <summary>The round of a case: its job's number, 1 for a job that is not a round (the dry run's).</summary>
    public static int Of(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Job.Id.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(benchmarkCase.Job.Id.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var round) ? round : 1;

    /// <summary>Round after round; within a round the declared order, rotated by one case per round.</summary>
    public sealed class Orderer : DefaultOrderer
    {
        public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarkCases, IEnumerable<BenchmarkLogicalGroupRule>? order = null)
        {
            foreach (var round in benchmarkCases.GroupBy(Of).OrderBy(g => g.Key))
            {
                var cases = base.GetExecutionOrder(round.ToImmutableArray(), order).ToList();
                var shift = (round.Key - 1) % cases.Count;
                foreach (var benchmarkCase in cases.Skip(shift).Concat(cases.Take(shift)))
                {
                    yield return benchmarkCase;
                }
            }
        }
    }
}
