using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// <c>--cold-start [N]</c>: N cold starts per variant, each in a new process (<see cref="ColdStartChild"/>:
/// <c>dotnet &lt;this program's dll&gt; --cold-child VARIANT</c>), for our binding and the no-op binding, each with an
/// access key and with identity (a loopback key endpoint started here, its URL passed to the child). Reports per
/// variant the median, min and max of process start → first response (measured here), host start → first response
/// (measured by the child) and loaded assemblies, the ratios ours / no-op, and which extension-related assemblies
/// (Azure.*, Microsoft.Identity.*, Microsoft.Extensions.Azure) the access-key app of our binding loads.
/// </summary>
internal static class ColdStart
{
    public const int DefaultRuns = 10;

    /// <summary>How long one child may take from its start to its exit before it is killed.</summary>
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);

    private static readonly (string Name, string Description)[] Variants =
    {
        (ColdStartChild.OursKey, "our binding, access key"),
        (ColdStartChild.NoOpKey, "no-op binding, access key"),
        (ColdStartChild.OursIdentity, "our binding, identity"),
        (ColdStartChild.NoOpIdentity, "no-op binding, identity settings"),
    };

    public static async Task<string> RunAsync(int runs)
    {
        // The service's key endpoint (README, "Microsoft Entra ID"), for every identity child; no added latency.
        await using var server = KeyEndpointServer.Start();
        server.Reply(KeyReply.Key(ColdStartChild.IdentityKeyId, ColdStartChild.IdentityAccessKey));
        var dll = typeof(Program).Assembly.Location;
        var dotnet = DotnetHost();
        Console.WriteLine("Cold start: " + runs + " runs per variant, each a new process: " + dotnet + " " + dll + " " + ColdStartChild.Switch + " VARIANT");

        // One untimed round first: the disk cache then holds every file for every variant alike.
        foreach (var (name, _) in Variants)
        {
            await RunChildAsync(dotnet, dll, name, server.BaseUrl, why: false).ConfigureAwait(false);
        }

        // Round-robin, so that load from other work on the machine falls on every variant alike.
        var samples = Variants.ToDictionary(v => v.Name, _ => new List<Sample>());
        for (var round = 1; round <= runs; round++)
        {
            foreach (var (name, _) in Variants)
            {
                var sample = await RunChildAsync(dotnet, dll, name, server.BaseUrl, why: false).ConfigureAwait(false);
                samples[name].Add(sample);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}/{runs}: ") + string.Join(", ", Variants.Select(v => v.Name + " " + Ms(samples[v.Name][^1].ProcessToResponse))));
        }

        // Every identity child of our binding made exactly one key request, with the fake credential's token; the
        // no-op children none.
        var expectedRequests = runs + 1;
        if (server.RequestCount != expectedRequests)
        {
            throw new InvalidOperationException("Cold start: the key endpoint got " + server.RequestCount + " requests, expected " + expectedRequests + " (one per identity child of our binding).");
        }

        if (server.Requests.Any(r => r.Method != "GET" || r.Path != KeyEndpointServer.KeyPath || r.Authorization != "Bearer " + FakeTokenCredential.TokenValue))
        {
            throw new InvalidOperationException("Cold start: a key request was not GET " + KeyEndpointServer.KeyPath + " with the fake credential's token.");
        }

        // Where the access-key app of our binding loads its extension-related assemblies (timings of this run unused).
        var why = await RunChildAsync(dotnet, dll, ColdStartChild.OursKey, server.BaseUrl, why: true).ConfigureAwait(false);
        return Report(runs, samples, why);
    }

    private static string Report(int runs, Dictionary<string, List<Sample>> samples, Sample why)
    {
        var text = new StringBuilder("## Cold start: process start to first negotiate (" + runs + " runs per variant)\n\n")
            .Append("Each run is a new process (`dotnet WebJobs.Extensions.SignalRInfo.Benchmarks.dll --cold-child VARIANT`) that builds\n")
            .Append("and starts a WebJobs host (HTTP and one binding extension, one negotiate function), then makes the first negotiate\n")
            .Append("(a POST with a user id) through `IJobHost.CallAsync`. Process: the parent's clock from `Process.Start` to the\n")
            .Append("child's result line, less the child's time from the response to that line (its checks of the result); host:\n")
            .Append("the child's clock from `new HostBuilder()` to the response; Main: from the first statement of Main.\n")
            .Append("Assemblies: loaded at the response. The no-op hosts have no `AddSignalRConnectionInfo()`;\n")
            .Append("the identity variants share one connection setting (`AuthType=azure`, a key endpoint on 127.0.0.1 in the parent,\n")
            .Append("no added latency), which the no-op binding does not read; our binding gets a fake credential through its\n")
            .Append("`IServiceCredentialFactory`, so no Azure.Identity credential is built there. One untimed round first; then\n")
            .Append("round-robin. Median (min–max).\n\n")
            .Append("| Variant | Process → first response (ms) | Host start → first response (ms) | Main → first response (ms) | Loaded assemblies |\n")
            .Append("| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var (name, description) in Variants)
        {
            var list = samples[name];
            text.Append("| ").Append(description)
                .Append(" | ").Append(Range(list, s => s.ProcessToResponse, Milliseconds))
                .Append(" | ").Append(Range(list, s => s.HostToResponse, Milliseconds))
                .Append(" | ").Append(Range(list, s => s.MainToResponse, Milliseconds))
                .Append(" | ").Append(Range(list, s => s.LoadedAssemblies, n => n.ToString("0", CultureInfo.InvariantCulture)))
                .Append(" |\n");
        }

        foreach (var (label, ours, noOp) in new[] { ("access key", ColdStartChild.OursKey, ColdStartChild.NoOpKey), ("identity", ColdStartChild.OursIdentity, ColdStartChild.NoOpIdentity) })
        {
            text.Append("| **ours / no-op, ").Append(label).Append("** | ")
                .Append(Ratio(samples[ours], samples[noOp], s => s.ProcessToResponse)).Append(" | ")
                .Append(Ratio(samples[ours], samples[noOp], s => s.HostToResponse)).Append(" | ")
                .Append(Ratio(samples[ours], samples[noOp], s => s.MainToResponse)).Append(" | ")
                .Append(Ratio(samples[ours], samples[noOp], s => s.LoadedAssemblies)).Append(" |\n");
        }

        text.Append("\nRatios are of the medians.\n\n### Extension-related assemblies (Azure.*, Microsoft.Identity.*, Microsoft.Extensions.Azure)\n\n")
            .Append("| Variant | Azure.Identity loaded | Azure.Core loaded | Extension-related assemblies loaded |\n| --- | --- | --- | --- |\n");
        foreach (var (name, description) in Variants)
        {
            var list = samples[name];
            var related = list.SelectMany(s => s.Assemblies).Where(ColdStartChild.IsExtensionRelated).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            text.Append("| ").Append(description)
                .Append(" | ").Append(Count(list, s => s.AzureIdentityLoaded))
                .Append(" | ").Append(Count(list, s => s.AzureCoreLoaded))
                .Append(" | ").Append(related.Count == 0 ? "none" : string.Join(", ", related))
                .Append(" |\n");
        }

        var oursKey = samples[ColdStartChild.OursKey];
        var noOpKey = samples[ColdStartChild.NoOpKey].SelectMany(s => s.Assemblies).ToHashSet(StringComparer.Ordinal);
        var extra = oursKey.SelectMany(s => s.Assemblies).Distinct().Where(n => !noOpKey.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var extraRelated = extra.Where(ColdStartChild.IsExtensionRelated).ToList();
        var oursKeyAll = oursKey.SelectMany(s => s.Assemblies).ToHashSet(StringComparer.Ordinal);
        var missing = noOpKey.Where(n => !oursKeyAll.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var identityRuns = oursKey.Count(s => s.AzureIdentityLoaded);
        text.Append("\n**Finding (access key, our binding):** Azure.Identity is ")
            .Append(identityRuns == 0 ? "not loaded" : identityRuns == oursKey.Count ? "loaded" : "loaded in " + identityRuns + " of " + oursKey.Count + " runs")
            .Append("; Azure.Core is ").Append(oursKey.All(s => s.AzureCoreLoaded) ? "loaded" : oursKey.Any(s => s.AzureCoreLoaded) ? "loaded in some runs" : "not loaded")
            .Append(". Extension-related assemblies it loads that the no-op access-key app does not: ")
            .Append(extraRelated.Count == 0 ? "none" : string.Join(", ", extraRelated.Select(n => "`" + n + "`")))
            .Append(". All assemblies it loads that the no-op app does not (").Append(extra.Count).Append("): ")
            .Append(extra.Count == 0 ? "none" : string.Join(", ", extra.Select(n => "`" + n + "`")))
            .Append("; the no-op app loads ").Append(missing.Count).Append(" it does not: ")
            .Append(missing.Count == 0 ? "none" : string.Join(", ", missing.Select(n => "`" + n + "`")))
            .Append(" (assemblies as loaded in any run, at the first response).\n");
        if (why.Why.Count > 0)
        {
            text.Append("\nWhere they are loaded (`--cold-child ").Append(ColdStartChild.OursKey).Append(' ').Append(ColdStartChild.WhySwitch)
                .Append("`: first frames of the stack at each load; a load the JIT makes shows the caller of the method it compiles):\n\n```\n");
            foreach (var line in why.Why)
            {
                text.Append(line).Append('\n');
            }

            text.Append("```\n");
        }

        return text.ToString();
    }

    /// <summary>One child: started, its result line read (bounded), its exit awaited (bounded); killed on overrun.</summary>
    private static async Task<Sample> RunChildAsync(string dotnet, string dll, string variant, string keyEndpoint, bool why)
    {
        var start = ProgramStartInfo(dotnet, dll);
        start.ArgumentList.Add(ColdStartChild.Switch);
        start.ArgumentList.Add(variant);
        if (variant is ColdStartChild.OursIdentity or ColdStartChild.NoOpIdentity)
        {
            start.ArgumentList.Add(ColdStartChild.KeyEndpointSwitch);
            start.ArgumentList.Add(keyEndpoint);
        }

        if (why)
        {
            start.ArgumentList.Add(ColdStartChild.WhySwitch);
        }

        using var process = new Process { StartInfo = start };
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Append(e.Data).Append('\n');
                }
            }
        };
        using var deadline = new CancellationTokenSource(ChildTimeout);
        var whyLines = new List<string>();
        string? line = null;
        var running = false;
        double lineRead;
        try
        {
            var started = Stopwatch.GetTimestamp();
            running = process.Start();
            process.BeginErrorReadLine();
            while (true)
            {
                var read = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
                if (read is null || read.StartsWith(ColdStartChild.LinePrefix, StringComparison.Ordinal))
                {
                    line = read;
                    break;
                }

                if (read.StartsWith(ColdStartChild.WhyPrefix, StringComparison.Ordinal) || (whyLines.Count > 0 && read.StartsWith(' ')))
                {
                    whyLines.Add(read);
                }
            }

            lineRead = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var afterResponse = false;
            while (await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false) is { } read)
            {
                if (read.StartsWith(ColdStartChild.WhyPrefix, StringComparison.Ordinal) && !afterResponse)
                {
                    afterResponse = true;
                    whyLines.Add("-- after the first response (the host stopping and being disposed; not in the counts above):");
                }

                if (afterResponse && (read.StartsWith(ColdStartChild.WhyPrefix, StringComparison.Ordinal) || read.StartsWith(' ')))
                {
                    whyLines.Add(read);
                }
            }

            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException("Cold start: the " + variant + " child did not finish within " + ChildTimeout.TotalSeconds + " s and was killed. Its stderr:\n" + Errors());
        }
        finally
        {
            // Only this child, by its own Process object.
            if (running && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException("Cold start: the " + variant + " child exited with " + process.ExitCode + (line is null ? " without its result line" : string.Empty) + ". Its stderr:\n" + Errors());
        }

        return Sample.Parse(line, lineRead, whyLines);

        string Errors()
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>A new process of this program (<paramref name="dll"/> run by <paramref name="dotnet"/>), its output read by the caller; the caller adds the switches.</summary>
    internal static ProcessStartInfo ProgramStartInfo(string dotnet, string dll)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        return start;
    }

    /// <summary>The dotnet host running this program (under <c>dotnet run</c>, the apphost runs it: then DOTNET_HOST_PATH or the one on PATH).</summary>
    internal static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
    }

    private static string Range(List<Sample> samples, Func<Sample, double> value, Func<double, string> format)
    {
        var sorted = samples.Select(value).OrderBy(v => v).ToArray();
        return format(Median(sorted)) + " (" + format(sorted[0]) + "–" + format(sorted[^1]) + ")";
    }

    private static string Ratio(List<Sample> ours, List<Sample> noOp, Func<Sample, double> value) =>
        (Median(ours.Select(value).OrderBy(v => v).ToArray()) / Median(noOp.Select(value).OrderBy(v => v).ToArray())).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string Count(List<Sample> samples, Func<Sample, bool> flag)
    {
        var count = samples.Count(flag);
        return count == 0 ? "no" : count == samples.Count ? "yes" : count + " of " + samples.Count + " runs";
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static string Ms(double milliseconds) => Milliseconds(milliseconds) + " ms";

    private static string Milliseconds(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>One child's numbers: the parent's process start → first response (<c>ProcessToResponse</c>), and what the child's line says.</summary>
    private sealed record Sample(double ProcessToResponse, double HostToResponse, double MainToResponse, double LoadedAssemblies, bool AzureIdentityLoaded, bool AzureCoreLoaded, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Why)
    {
        public static Sample Parse(string line, double lineRead, IReadOnlyList<string> why)
        {
            // The assembly list comes last, and a name may hold spaces ("Anonymously Hosted DynamicMethods Assembly").
            const string AssembliesField = " assemblies=";
            var listAt = line.IndexOf(AssembliesField, StringComparison.Ordinal);
            if (listAt < 0)
            {
                throw new FormatException("Cold start: the child's line has no assemblies: " + line);
            }

            var assemblies = line.Substring(listAt + AssembliesField.Length).Split(',', StringSplitOptions.RemoveEmptyEntries);
            var fields = line.Substring(ColdStartChild.LinePrefix.Length, listAt - ColdStartChild.LinePrefix.Length)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2))
                .ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty, StringComparer.Ordinal);
            string Field(string key) => fields.TryGetValue(key, out var value) ? value : throw new FormatException("Cold start: the child's line has no " + key + ": " + line);
            double Number(string key) => double.Parse(Field(key), NumberStyles.Float, CultureInfo.InvariantCulture);
            bool Flag(string key) => bool.Parse(Field(key));
            // The parent read the line after the child's checks: their time is not the cold start's.
            var sample = new Sample(lineRead - Number("first_response_to_line_ms"), Number("host_start_to_first_response_ms"), Number("main_to_first_response_ms"), Number("loaded_assemblies"), Flag("azure_identity_loaded"), Flag("azure_core_loaded"), assemblies, why);
            if (sample.LoadedAssemblies != assemblies.Length || sample.AzureIdentityLoaded != assemblies.Contains("Azure.Identity") || sample.AzureCoreLoaded != assemblies.Contains("Azure.Core"))
            {
                throw new FormatException("Cold start: the child's line contradicts itself: " + line);
            }

            return sample;
        }
    }
}
