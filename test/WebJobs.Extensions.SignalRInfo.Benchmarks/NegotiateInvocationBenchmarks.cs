using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// A whole negotiate call through a real JobHost (a new HttpRequest in, the function's SignalRConnectionInfo out),
/// the same function with a no-op binding of the same attribute shape (Baseline: the pipeline's own cost), and
/// with no binding at all. One host serves all four functions, so they share the pipeline and its configuration.
/// A new process calling one function reaches its steady pace only after about 5 s of calls (the tiered JIT works
/// through the pipeline's methods; <c>--loop NAME,NAME,… 1</c> shows it second by second), and later for the function
/// with more code (IdToken claims): three warm-up iterations (1.5 s) measured the end of that climb. Sixteen (8 s)
/// measure the steady pace.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(16)]
public class NegotiateInvocationBenchmarks
{
    private readonly string _idToken = BenchmarkInputs.IdToken();
    private IHost _host = null!;
    private IJobHost _jobHost = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = NegotiateHost.Start();
        _jobHost = _host.Services.GetRequiredService<IJobHost>();
        InputChecks.Invocation(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
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
