using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The performance targets, checked against the numbers of one run and printed as a markdown table: minting ≥ 4×
/// faster than the Azure SDK and ≥ 1.25× faster than JsonWebTokenHandler, within 1.3× of the reused-HMAC floor's
/// time and 1.25× of its bytes; each package's ISignalRNegotiator within 1.1× of the binding's minting; a negotiate
/// (the whole invocation, and the binding alone) costing at most 1.3× the minting floor on top of the no-op binding;
/// three instances within 1.2× of one. A target is computed per round (<see cref="Rounds"/>) from that round's rows;
/// its median over the rounds decides, and every round's value is shown. The budgets in units of the minting floor
/// use the floor's median over the rounds (measured in the program's process, as the invocation rows are; the
/// binding rows run a process per case and are scaled by the same unit).
/// </summary>
internal static class TargetReport
{
    public static string Create(IReadOnlyList<BenchmarkReport> reports)
    {
        var rounds = reports.Where(r => r.ResultStatistics is not null).GroupBy(r => Rounds.Of(r.BenchmarkCase)).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var text = new StringBuilder("## Targets, from this run\n\n")
            .Append("A target's value is computed from each round's own rows (the classes that run in the program's process have ")
            .Append(Rounds.InProcessSplit).Append("× as many rounds as the others: ").Append(rounds.Count).Append(" here); the median of its rounds decides.\n\n")
            .Append("| Target | Median | Each round | Met |\n| --- | --- | --- | --- |\n");

        Ratio(text, rounds, "minting ≥ 4× faster than the Azure SDK", Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.AzureSdk)), Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Ours)), m => m >= 4);
        Ratio(text, rounds, "minting ≥ 1.25× faster than JsonWebTokenHandler", Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.JsonWebTokenHandler)), Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Ours)), m => m >= 1.25);
        Ratio(text, rounds, "minting within 1.3× of the reused-HMAC floor", Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Ours)), Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Floor)), m => m <= 1.3);
        Row(text, rounds, "minting allocates ≤ 1.25× the floor's bytes", round => Allocated(round, Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Ours))) / Allocated(round, Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Floor))), "0.00", "×", m => m <= 1.25);
        Ratio(text, rounds, "ISignalRNegotiator (host) within 1.1× of the binding's minting", Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.HostNegotiator)), Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Ours)), m => m <= 1.1);
        Ratio(text, rounds, "ISignalRNegotiator (worker) within 1.1× of the binding's minting", Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.WorkerNegotiator)), Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Ours)), m => m <= 1.1);

        // The budget's unit: the floor's median over the rounds (a round's floor drifts with the machine like every row).
        var floor = Median(rounds.Select(r => Mean(r, Of<TokenMintingBenchmarks>(nameof(TokenMintingBenchmarks.Floor)))).Where(v => v is not null).Select(v => v!.Value).ToList());
        if (floor is not null)
        {
            var unit = " (floor " + Micro(floor.Value) + ")";
            // A whole invocation's iterations are skewed by stretches in which the async pipeline's thread-pool hops are
            // slow (several microseconds per call): its rows compare each case's median iteration, and a stretch that
            // covers a whole case is left to the median over the rounds.
            var noOp = Of<NegotiateInvocationBenchmarks>(nameof(NegotiateInvocationBenchmarks.NoOpBinding));
            foreach (var (method, who) in new (Case, string)[] { (Of<NegotiateInvocationBenchmarks>(nameof(NegotiateInvocationBenchmarks.OurBinding)), "our binding"), (Of<NegotiateInvocationBenchmarks>(nameof(NegotiateInvocationBenchmarks.OurBindingWithIdTokenClaims)), "our binding + IdToken claims") })
            {
                Row(text, rounds, "negotiate invocation (medians), " + who + ": its time − the no-op binding's ≤ 1.3× the minting floor" + unit, round => (MedianOf(round, method) - MedianOf(round, noOp)) / floor, "0.00", "× the floor", m => m <= 1.3);
                Row(text, rounds, "negotiate invocation (medians), " + who + " ≤ the no-op BindToInput binding", round => MedianOf(round, method) / MedianOf(round, noOp), "0.00", "×", m => m <= 1);
            }

            foreach (var (method, who) in new (Case, string)[] { (Of<BindingBenchmarks>(nameof(BindingBenchmarks.Ours)), "our binding"), (Of<BindingBenchmarks>(nameof(BindingBenchmarks.OursWithClaims)), "our binding + IdToken claims") })
            {
                Row(text, rounds, "the binding alone, " + who + ": its time − the no-op binding's ≤ 1.3× the minting floor" + unit, round => Difference(round, method, Of<BindingBenchmarks>(nameof(BindingBenchmarks.NoOp))) / floor, "0.00", "× the floor", m => m <= 1.3);
            }
        }

        Ratio(text, rounds, "negotiate with 3 endpoints ≤ 1.2× one endpoint", Of<EndpointRoutingBenchmarks>(nameof(EndpointRoutingBenchmarks.ThreeEndpoints)), Of<EndpointRoutingBenchmarks>(nameof(EndpointRoutingBenchmarks.SingleEndpoint)), m => m <= 1.2);
        return text.ToString();
    }

    private static void Ratio(StringBuilder text, List<List<BenchmarkReport>> rounds, string target, Case method, Case reference, Func<double, bool> met) =>
        Row(text, rounds, target, round => Mean(round, method) / Mean(round, reference), "0.00", "×", met);

    /// <summary>One target: its value per round (rounds without both rows are left out), the median, and whether it is met.</summary>
    private static void Row(StringBuilder text, List<List<BenchmarkReport>> rounds, string target, Func<List<BenchmarkReport>, double?> value, string format, string unit, Func<double, bool> met)
    {
        var values = rounds.Select(value).Where(v => v is not null && !double.IsNaN(v.Value)).Select(v => v!.Value).ToList();
        var median = Median(values);
        if (median is null)
        {
            return;
        }

        text.Append("| ").Append(target).Append(" | ").Append(median.Value.ToString(format, CultureInfo.InvariantCulture)).Append(unit)
            .Append(" | ").Append(string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture))))
            .Append(" | ").Append(met(median.Value) ? "yes" : "**no**").Append(" |\n");
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Case Of<T>(string method) => new(typeof(T), method);

    private static BenchmarkReport? Find(List<BenchmarkReport> round, Case method) =>
        round.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type == method.Type && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method.Method);

    private static double? Mean(List<BenchmarkReport> round, Case method) => Find(round, method)?.ResultStatistics!.Mean;

    private static double? MedianOf(List<BenchmarkReport> round, Case method) => Find(round, method)?.ResultStatistics!.Median;

    private static double? Difference(List<BenchmarkReport> round, Case method, Case reference) => Mean(round, method) - Mean(round, reference);

    private static double? Allocated(List<BenchmarkReport> round, Case method) =>
        Find(round, method) is { } report ? report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) : null;

    /// <summary>A benchmark method of a benchmark class (two classes may use one method name).</summary>
    private readonly record struct Case(Type Type, string Method);

    private static string Micro(double nanoseconds) => (nanoseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " µs";
}
