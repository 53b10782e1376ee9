using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// Where a negotiate's own time goes, outside the WebJobs pipeline: the converter WebJobs calls per invocation (with
/// an attribute whose expressions are already resolved), its connection look-up alone, and the minting it ends with.
/// Same host configuration and inputs as <see cref="NegotiateInvocationBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class PerCallPartsBenchmarks
{
    private readonly SignalRConnectionInfoAttribute _plain = new() { HubName = BenchmarkInputs.Hub, UserId = BenchmarkInputs.UserId };
    private readonly SignalRConnectionInfoAttribute _claims = new() { HubName = BenchmarkInputs.Hub, UserId = BenchmarkInputs.UserId, IdToken = BenchmarkInputs.IdToken(), ClaimTypeList = BenchmarkInputs.ClaimTypes };
    private IHost _host = null!;
    private SignalRConnectionInfoConverter _converter = null!;
    private ServiceConnectionResolver _resolver = null!;
    private SigningKey _key = null!;
    private string _audiencePrefix = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [BenchmarkInputs.SettingName] = BenchmarkInputs.ConnectionString }))
            .ConfigureWebJobs(b => b.AddHttp().AddSignalRConnectionInfo())
            .Build();
        _converter = _host.Services.GetRequiredService<SignalRConnectionInfoConverter>();
        _resolver = _host.Services.GetRequiredService<ServiceConnectionResolver>();
        _key = SigningKey.FromAccessKey(BenchmarkInputs.AccessKey);
        _audiencePrefix = _resolver.GetConnection(BenchmarkInputs.SettingName).Endpoint.AudiencePrefix;
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true, Description = "Part: minting only (AccessTokenWriter)")]
    public string Minting() =>
        AccessTokenWriter.Write(_key, _audiencePrefix, BenchmarkInputs.LowerHub, BenchmarkInputs.UserId, default, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), BenchmarkInputs.LifetimeSeconds);

    [Benchmark(Description = "Part: connection look-up (setting name + configuration)")]
    public object ConnectionLookup() => _resolver.GetConnection(SignalRConnectionInfoAttributeBase.DefaultConnectionStringSetting);

    [Benchmark(Description = "Part: converter (what WebJobs calls per negotiate)")]
    public Task<SignalRConnectionInfo> Converter() => _converter.ConvertAsync(_plain, CancellationToken.None);

    [Benchmark(Description = "Part: IdToken claims read")]
    public object? IdTokenClaims() => IdTokenClaimReader.Read(_claims.IdToken, _claims.ClaimTypeList);

    [Benchmark(Description = "Part: converter + IdToken claims")]
    public Task<SignalRConnectionInfo> ConverterWithClaims() => _converter.ConvertAsync(_claims, CancellationToken.None);
}
