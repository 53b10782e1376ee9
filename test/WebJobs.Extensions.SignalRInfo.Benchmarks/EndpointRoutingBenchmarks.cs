using System;
using System.Collections.Generic;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// A negotiation's own work (resolver, router, minting) with one SignalR Service instance (Baseline) and with three
/// (the setting plus two under Azure:SignalR:Endpoints, random routing), same inputs as the minting benchmark.
/// Target: three endpoints cost at most 1.2× one.
/// </summary>
[MemoryDiagnoser]
public class EndpointRoutingBenchmarks
{
    private const string West = "Endpoint=https://west.service.signalr.net;AccessKey=" + BenchmarkInputs.AccessKey + ";Version=1.0;";
    private const string North = "Endpoint=https://north.service.signalr.net;AccessKey=" + BenchmarkInputs.AccessKey + ";Version=1.0;";
    private readonly List<IDisposable> _disposables = new();
    private ConnectionInfoIssuer _single = null!;
    private ConnectionInfoIssuer _three = null!;

    [GlobalSetup]
    public void Setup()
    {
        _single = Issuer(new Dictionary<string, string?> { [BenchmarkInputs.SettingName] = BenchmarkInputs.ConnectionString });
        _three = Issuer(new Dictionary<string, string?>
        {
            [BenchmarkInputs.SettingName] = BenchmarkInputs.ConnectionString,
            ["Azure:SignalR:Endpoints:west"] = West,
            ["Azure:SignalR:Endpoints:north"] = North,
        });
        InputChecks.Routing(SingleEndpoint(), ThreeEndpoints());
    }

    [GlobalCleanup]
    public void Cleanup() => _disposables.ForEach(d => d.Dispose());

    [Benchmark(Baseline = true, Description = "Negotiate: one endpoint")]
    public string SingleEndpoint() => _single.IssueAsync(BenchmarkInputs.SettingName, BenchmarkInputs.Hub, BenchmarkInputs.UserId, default, BenchmarkInputs.LifetimeSeconds, TokenInputs.Binding, CancellationToken.None).Result.AccessToken;

    [Benchmark(Description = "Negotiate: three endpoints (random)")]
    public string ThreeEndpoints() => _three.IssueAsync(BenchmarkInputs.SettingName, BenchmarkInputs.Hub, BenchmarkInputs.UserId, default, BenchmarkInputs.LifetimeSeconds, TokenInputs.Binding, CancellationToken.None).Result.AccessToken;

    private ConnectionInfoIssuer Issuer(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var registry = new IdentityKeyProviderRegistry(new IdentityKeyClient(TimeProvider.System), new IdentityKeyPolicy(), TimeProvider.System, NullLoggerFactory.Instance);
        _disposables.Add(registry);
        var resolver = new ServiceConnectionResolver(configuration, NullLoggerFactory.Instance, registry, new FakeServiceCredentialFactory(), new SignalRInfoOptions().ToSettings());
        return new ConnectionInfoIssuer(resolver, TimeProvider.System);
    }
}
