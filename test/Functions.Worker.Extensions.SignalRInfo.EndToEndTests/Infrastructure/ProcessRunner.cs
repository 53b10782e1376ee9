using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>Runs a command to completion within a time limit; on time-out the process tree it started is killed by its id.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        var id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillById(id);
            throw new TimeoutException($"'{fileName} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout} (killed process {id}). Output:{Environment.NewLine}{Tail(output)}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, Tail(output));
    }

    /// <summary>Runs dotnet with the settings nested builds need here (no node reuse, no shared compiler); throws with the output on failure.</summary>
    public static async Task<string> DotnetAsync(string folder, TimeSpan timeout, params string[] arguments)
    {
        var all = arguments.Concat(new[] { "-nodeReuse:false", "-p:UseSharedCompilation=false" }).ToArray();
        var result = await RunAsync("dotnet", all, folder, timeout).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', all)} in {folder} failed with exit code {result.ExitCode}:{Environment.NewLine}{result.Output}");
        }

        return result.Output;
    }

    /// <summary>Kills the process with this id and its children, if it still runs.</summary>
    public static void KillById(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Appends a line of a process's output (null: the stream ended) under the builder's lock.</summary>
    internal static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            const int Max = 20_000;
            return output.Length <= Max ? output.ToString() : "…" + output.ToString(output.Length - Max, Max);
        }
    }
}
