using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The performance targets (minting ≥ 4× faster than the Azure SDK and ≥ 1.25× faster than JsonWebTokenHandler, within
/// 1.3× of the reused-HMAC floor's time and 1.25× of its bytes; a negotiate invocation within the no-op binding plus
/// 1.3× the floor), checked against the numbers of one run and printed as a markdown table.
/// </summary>
internal static class TargetReport
{
    public static string Create(IReadOnlyList<BenchmarkReport> reports)
    {
        var text = new StringBuilder("## Targets, from this run\n\n| Target | Measured | Met |\n| --- | --- | --- |\n");
        var ours = Find(reports, nameof(TokenMintingBenchmarks.Ours));
        var handler = Find(reports, nameof(TokenMintingBenchmarks.JsonWebTokenHandler));
        var sdk = Find(reports, nameof(TokenMintingBenchmarks.AzureSdk));
        var floor = Find(reports, nameof(TokenMintingBenchmarks.Floor));
        if (ours is not null && floor is not null)
        {
            if (sdk is not null)
            {
                Row(text, "minting ≥ 4× faster than the Azure SDK", Mean(sdk) / Mean(ours), "×", Mean(sdk) / Mean(ours) >= 4);
            }

            if (handler is not null)
            {
                Row(text, "minting ≥ 1.25× faster than JsonWebTokenHandler", Mean(handler) / Mean(ours), "×", Mean(handler) / Mean(ours) >= 1.25);
            }

            Row(text, "minting within 1.3× of the reused-HMAC floor", Mean(ours) / Mean(floor), "× the floor", Mean(ours) / Mean(floor) <= 1.3);
            var allocated = Allocated(ours) / Allocated(floor);
            Row(text, "minting allocates ≤ 1.25× the floor's bytes", allocated, "× (" + Allocated(ours).ToString("0", CultureInfo.InvariantCulture) + " B vs " + Allocated(floor).ToString("0", CultureInfo.InvariantCulture) + " B)", allocated <= 1.25);

            foreach (var (method, who) in new[] { (nameof(TokenMintingBenchmarks.HostNegotiator), "host"), (nameof(TokenMintingBenchmarks.WorkerNegotiator), "worker") })
            {
                var negotiator = Find(reports, method);
                if (negotiator is not null)
                {
                    Row(text, "ISignalRNegotiator (" + who + ") within 1.1× of the binding's minting", Mean(negotiator) / Mean(ours), "×", Mean(negotiator) / Mean(ours) <= 1.1);
                }
            }

            var noOp = Find(reports, nameof(NegotiateInvocationBenchmarks.NoOpBinding));
            foreach (var (method, who) in new[] { (nameof(NegotiateInvocationBenchmarks.OurBinding), "our binding"), (nameof(NegotiateInvocationBenchmarks.OurBindingWithIdTokenClaims), "our binding + IdToken claims") })
            {
                var binding = Find(reports, method);
                if (binding is null || noOp is null)
                {
                    continue;
                }

                var extra = Mean(binding) - Mean(noOp);
                var budget = 1.3 * Mean(floor);
                text.Append("| negotiate invocation, ").Append(who).Append(" ≤ no-op binding + 1.3× minting floor (")
                    .Append(Micro(Mean(noOp))).Append(" + ").Append(Micro(budget)).Append(") | ")
                    .Append(Micro(Mean(binding))).Append(" (our work on top of the pipeline: ").Append(Micro(extra)).Append(" = ")
                    .Append((extra / Mean(floor)).ToString("0.00", CultureInfo.InvariantCulture)).Append("× the floor; StdDev of the rows ")
                    .Append(Micro(binding.ResultStatistics!.StandardDeviation)).Append(", ").Append(Micro(noOp.ResultStatistics!.StandardDeviation)).Append(") | ")
                    .Append(extra <= budget ? "yes" : "**no**").Append(" |\n");
            }
        }

        var one = Find(reports, nameof(EndpointRoutingBenchmarks.SingleEndpoint));
        var three = Find(reports, nameof(EndpointRoutingBenchmarks.ThreeEndpoints));
        if (one is not null && three is not null)
        {
            Row(text, "negotiate with 3 endpoints ≤ 1.2× one endpoint", Mean(three) / Mean(one), "×", Mean(three) / Mean(one) <= 1.2);
        }

        return text.ToString();
    }

    private static BenchmarkReport? Find(IReadOnlyList<BenchmarkReport> reports, string method) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null);

    private static double Mean(BenchmarkReport report) => report.ResultStatistics!.Mean;

    private static double Allocated(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;

    private static string Micro(double nanoseconds) => (nanoseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " µs";

    private static void Row(StringBuilder text, string target, double value, string unit, bool met) =>
        text.Append("| ").Append(target).Append(" | ").Append(value.ToString("0.00", CultureInfo.InvariantCulture)).Append(unit)
            .Append(" | ").Append(met ? "yes" : "**no**").Append(" |\n");
}
