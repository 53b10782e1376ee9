using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Identity connections end to end through a real JobHost, for both shapes, with the credential factory replaced
/// in DI by a fake and a real key endpoint on 127.0.0.1. Also prints two measurements (never asserted as time).
/// </summary>
public sealed class IdentityConnectionBindingTests : IAsyncLifetime
{
    private const string Setting = "AzureSignalRConnectionString";
    private const string IssuedKey = "E2E-ISSUED-KEY-RECOGNISABLE-abcdefghijklmnop";
    private const string NextKey = "E2E-NEXT-KEY-RECOGNISABLE-qrstuvwxyz012345";

    private readonly ITestOutputHelper _output;
    private readonly KeyEndpointServer _server = KeyEndpointServer.Start();
    private readonly FakeCredentialFactory _credentials = new();

    public IdentityConnectionBindingTests(ITestOutputHelper output)
    {
        _output = output;
        _server.Reply(KeyReply.Key("kid-e2e", IssuedKey));
    }

    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "Chat", UserId = "{query.user}")] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    private string ConnectionString => $"Endpoint=http://127.0.0.1;Port={_server.Port};AuthType=azure.msi;Version=1.0;";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Negotiate_ConnectionStringShape_KeyFetchedAtStartAndTokenVerifiesWithIssuedKey()
    {
        await using var host = await StartAsync(new() { [Setting] = ConnectionString });
        await _server.WaitForRequestsAsync(1);

        var info = await NegotiateAsync(host);

        Assert.Equal($"http://127.0.0.1:{_server.Port}/client/?hub=chat", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, IssuedKey, "http://127.0.0.1/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal("kid-e2e", jwt.Kid);
        Assert.Equal("ann", jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal(1, _server.RequestCount);
        Assert.Equal(IdentityCredentialKind.ManagedIdentity, Assert.Single(_credentials.Requests).Spec.Kind);
        Assert.Equal("Bearer " + FakeTokenCredential.TokenValue, Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task Negotiate_SectionShape_KeyFetchedAtStartAndTokenVerifiesWithIssuedKey()
    {
        await using var host = await StartAsync(new()
        {
            [Setting + ":serviceUri"] = "http://127.0.0.1:" + _server.Port,
            [Setting + ":clientEndpoint"] = "https://proxy.contoso.com",
            [Setting + ":credential"] = "managedidentity",
        });
        await _server.WaitForRequestsAsync(1);

        var info = await NegotiateAsync(host);

        Assert.Equal("https://proxy.contoso.com/client/?hub=chat", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, IssuedKey, "http://127.0.0.1/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal("kid-e2e", jwt.Kid);
        Assert.Equal(1, _server.RequestCount);
        var (spec, path) = Assert.Single(_credentials.Requests);
        Assert.Equal(IdentityCredentialKind.ConfigurationSection, spec.Kind);
        Assert.Equal(Setting, path);
    }

    [Fact]
    public async Task Start_KeyFetchFails_HostStartsWithAWarningAndNegotiateRecoversOnceFixed()
    {
        _server.Reply(KeyReply.Error(403));
        await using var host = await StartAsync(new() { [Setting] = ConnectionString });
        await Provider(host).WhenIdleAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 13);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(ErrorMessages.KeyStatusForbidden, warning.Message, StringComparison.Ordinal);
        Assert.Contains("'" + Setting + "'", warning.Message, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiate", "user=ann"));
        var expected = ErrorMessages.Format(
            ErrorMessages.IdentityKeyUnavailable, Setting, new Uri(_server.BaseUrl + KeyEndpointServer.KeyPath), "ManagedIdentityCredential (system-assigned)", ErrorMessages.KeyStatusForbidden);
        Assert.Contains(expected, SignalRConnectionInfoBindingTests.Messages(error));
        Assert.DoesNotContain(FakeTokenCredential.TokenValue, error.ToString());

        _server.Reply(KeyReply.Key("kid-fixed", IssuedKey));
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var info = await NegotiateAsync(host);

        Assert.Equal("kid-fixed", (await TokenAssert.ValidAsync(info.AccessToken!, IssuedKey, "http://127.0.0.1/client/?hub=chat", host.Time.GetUtcNow())).Kid);
        Assert.DoesNotContain(FakeTokenCredential.TokenValue, host.Logs.AllText);
        Assert.DoesNotContain(IssuedKey, host.Logs.AllText);
    }

    [Fact]
    public async Task Negotiate_ThousandConcurrentFromCold_OneKeyRequest()
    {
        var held = new HeldReply();
        _server.Responder = _ => held.WaitAsync(_server.Stopping);
        await using var host = await StartAsync(new() { [Setting] = ConnectionString });

        var negotiations = Enumerable.Range(0, 1000).Select(i => Task.Run(() => NegotiateAsync(host, "u" + i))).ToArray();
        await _server.WaitForRequestsAsync(1);
        await Task.Delay(100); // lets the negotiations pile up on the in-flight fetch
        held.Release(KeyReply.Key("kid-e2e", IssuedKey));
        var results = await Task.WhenAll(negotiations);

        Assert.All(results, r => Assert.Equal("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"kid-e2e\"}", TokenAssert.DecodePart(r.AccessToken!, 0)));
        await TokenAssert.ValidAsync(results[999].AccessToken!, IssuedKey, "http://127.0.0.1/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal(1, _server.RequestCount);
        _output.WriteLine($"MEASURE key requests for 1000 concurrent cold negotiations through the JobHost: {_server.RequestCount}");
    }

    [Fact]
    public async Task Negotiate_WhileTheBackgroundRefreshIsSlow_SignsWithTheCurrentKeyWithoutWaiting()
    {
        var held = new HeldReply();
        _server.Responder = n => n == 1 ? Task.FromResult(KeyReply.Key("kid-e2e", IssuedKey)) : held.WaitAsync(_server.Stopping);
        await using var host = await StartAsync(new() { [Setting] = ConnectionString });
        await Provider(host).WhenIdleAsync();
        await NegotiateAsync(host); // warm the invocation path

        host.Time.Advance(TimeSpan.FromMinutes(55));
        await _server.WaitForRequestsAsync(2);
        var refreshInFlight = Stopwatch.StartNew();
        var latencies = new List<double>();
        for (var batch = 0; batch < 50; batch++)
        {
            var timed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                var info = await NegotiateAsync(host);
                return (Latency: watch.Elapsed.TotalMilliseconds, Info: info);
            })));
            foreach (var (latency, info) in timed)
            {
                latencies.Add(latency);
                Assert.Contains("\"kid\":\"kid-e2e\"", TokenAssert.DecodePart(info.AccessToken!, 0), StringComparison.Ordinal);
            }
        }

        var heldFor = refreshInFlight.Elapsed.TotalMilliseconds;
        Assert.Equal(2, _server.RequestCount);
        held.Release(KeyReply.Key("kid-next", NextKey));
        await Provider(host).WhenIdleAsync();
        var after = await NegotiateAsync(host);

        Assert.Equal("kid-next", (await TokenAssert.ValidAsync(after.AccessToken!, NextKey, "http://127.0.0.1/client/?hub=chat", host.Time.GetUtcNow())).Kid);
        latencies.Sort();
        _output.WriteLine(
            $"MEASURE negotiate latency while the background refresh was held open for {heldFor:F0} ms: {latencies.Count} negotiations (20 concurrent), " +
            $"max {latencies[^1]:F2} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F2} ms, median {latencies[latencies.Count / 2]:F2} ms");
    }

    [Fact]
    public async Task Start_IdentityConnection_ForwardsAzureSdkEventSourceLogsToTheHost()
    {
        await using var host = await StartAsync(new() { [Setting] = ConnectionString });
        await Provider(host).WhenIdleAsync();

        using var source = new AzureTestEventSource();
        source.Hello("from-azure-sdk-event-source");

        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("from-azure-sdk-event-source", StringComparison.Ordinal));
    }

    private static IdentityKeyProvider Provider(TestHost host) =>
        ((IdentityConnection)host.Services.GetRequiredService<ServiceConnectionResolver>().GetConnection(Setting)).Provider;

    private static async Task<SignalRConnectionInfo> NegotiateAsync(TestHost host, string user = "ann") =>
        Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiate", "user=" + user));

    private async Task<TestHost> StartAsync(Dictionary<string, string?> settings)
    {
        var host = TestHost.Create(
            settings,
            b =>
            {
                b.AddSignalRConnectionInfo();
                b.Services.AddSingleton<IServiceCredentialFactory>(_credentials);
            },
            typeof(Functions));
        await host.StartAsync();
        return host;
    }

    /// <summary>An event source with the AzureEventSource trait, as Azure.Identity's and Azure.Core's have.</summary>
    private sealed class AzureTestEventSource : EventSource
    {
        public AzureTestEventSource()
            : base("Azure-SignalRInfo-Tests-" + Guid.NewGuid().ToString("N"), EventSourceSettings.Default, "AzureEventSource", "true")
        {
        }

        [Event(1, Level = EventLevel.Informational, Message = "Hello {0}")]
        public void Hello(string text) => WriteEvent(1, text);
    }
}
