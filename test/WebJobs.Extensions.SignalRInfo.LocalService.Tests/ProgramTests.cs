using System;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>The command line: what it prints, what it accepts, and that it stops when asked.</summary>
public class ProgramTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static async Task<(int ExitCode, string Output, string Error)> RunUntilConnectionStringAsync(string[] args, Func<string, Task>? whileRunning = null)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        using var stop = new CancellationTokenSource();
        var run = Program.RunAsync(args, output, error, configureLogging: false, stop.Token);
        var printed = output.WaitForLineAsync(l => l.StartsWith("Endpoint=", StringComparison.Ordinal));
        var first = await Task.WhenAny(run, printed).WaitAsync(Timeout);
        if (first == printed && whileRunning is not null)
        {
            await whileRunning(await printed);
        }

        stop.Cancel();
        var exitCode = await run.WaitAsync(Timeout);
        return (exitCode, output.Text, error.Text);
    }

    [Fact]
    public async Task RunAsync_PortZero_PrintsTheConnectionStringServesAndStopsOnCancel()
    {
        HttpStatusCode? status = null;
        var (exitCode, output, _) = await RunUntilConnectionStringAsync(new[] { "--port", "0" }, async connectionString =>
        {
            var port = Regex.Match(connectionString, @"Port=(\d+);").Groups[1].Value;
            using var http = new System.Net.Http.HttpClient { Timeout = Timeout };
            using var response = await http.PostAsync($"http://127.0.0.1:{port}/client/negotiate?hub=chat&negotiateVersion=1", null);
            status = response.StatusCode;
        });

        Assert.Equal(0, exitCode);
        Assert.Matches(new Regex(@"^Endpoint=http://localhost;Port=\d+;AccessKey=[A-Za-z0-9+/]{43}=;Version=1\.0;$", RegexOptions.Multiline), output);
        Assert.Contains("Ctrl+C", output);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task RunAsync_KeyAndHostNameAsNameEqualsValue_PrintsThem()
    {
        var (exitCode, output, _) = await RunUntilConnectionStringAsync(new[] { "--port=0", "--access-key=my-key", "--host-name", "127.0.0.1" });

        Assert.Equal(0, exitCode);
        Assert.Matches(new Regex(@"^Endpoint=http://127\.0\.0\.1;Port=\d+;AccessKey=my-key;Version=1\.0;$", RegexOptions.Multiline), output);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndReturns0()
    {
        var output = new CapturingWriter();

        var exitCode = await Program.RunAsync(new[] { "--help" }, output, new CapturingWriter(), configureLogging: false, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("--port N", output.Text);
        Assert.Contains("--access-key K", output.Text);
        Assert.Contains("--host-name H", output.Text);
        Assert.Contains("--unhealthy", output.Text);
    }

    [Fact]
    public async Task RunAsync_Healthy_PrintsTheHealthProbeAnswering200()
    {
        var (exitCode, output, _) = await RunUntilConnectionStringAsync(new[] { "--port", "0" });

        Assert.Equal(0, exitCode);
        Assert.Matches(new Regex(@"^Health probe: HEAD/GET http://localhost:\d+/api/health answers 200\.$", RegexOptions.Multiline), output);
    }

    [Fact]
    public async Task RunAsync_Unhealthy_ProbeAnswers503AndSaysSo()
    {
        HttpStatusCode? status = null;
        var (exitCode, output, _) = await RunUntilConnectionStringAsync(new[] { "--unhealthy", "--port=0" }, async connectionString =>
        {
            var port = Regex.Match(connectionString, @"Port=(\d+);").Groups[1].Value;
            using var http = new System.Net.Http.HttpClient { Timeout = Timeout };
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Head, $"http://127.0.0.1:{port}/api/health");
            using var response = await http.SendAsync(request);
            status = response.StatusCode;
        });

        Assert.Equal(0, exitCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("api/health answers 503 (started with --unhealthy", output);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--unhealthy" }, true)]
    [InlineData(new[] { "--port", "0", "--unhealthy", "--host-name", "127.0.0.1" }, true)]
    public void TryParse_UnhealthySwitch_SetsStartUnhealthy(string[] args, bool startUnhealthy)
    {
        Assert.True(LocalServiceCommandLine.TryParse(args, out var options, out var help, out var error));

        Assert.Equal(startUnhealthy, options.StartUnhealthy);
        Assert.False(help);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("--unknown", "Unknown argument '--unknown'.")]
    [InlineData("--port", "--port needs a value.")]
    [InlineData("--port=abc", "--port must be a number between 0 and 65535.")]
    [InlineData("--unhealthy=true", "--unhealthy takes no value.")]
    [InlineData("--port=-1", "--port must be a number between 0 and 65535.")]
    [InlineData("--port=70000", "--port: Port must be between 0 (any free port) and 65535.")]
    [InlineData("--host-name=local host", "--host-name: HostName must be a DNS host name or an IPv4 address, such as 'localhost'.")]
    public async Task RunAsync_BadArguments_Returns2WithTheReasonAndUsage(string argument, string reason)
    {
        var error = new CapturingWriter();

        var exitCode = await Program.RunAsync(new[] { argument }, new CapturingWriter(), error, configureLogging: false, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(reason + "\n", error.Text, StringComparison.Ordinal);
        Assert.Contains("Usage:", error.Text);
    }

    [Fact]
    public async Task RunAsync_BadAccessKey_DoesNotEchoIt()
    {
        var error = new CapturingWriter();

        var exitCode = await Program.RunAsync(new[] { "--access-key", "top;secret" }, new CapturingWriter(), error, configureLogging: false, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("--access-key: " + LocalServiceMessages.AccessKeyEmpty, error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("top;secret", error.Text);
    }
}
