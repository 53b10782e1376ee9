using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host.Loggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

// FunctionInstanceLogEntry and its collectors are marked "not ready for public consumption", but they are what the
// Functions host and its telemetry receive for every invocation.
#pragma warning disable CS0618

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// WebJobs records, per invocation, an "invoke string" for every bound parameter in the function's log entry
/// (<see cref="FunctionInstanceLogEntry.Arguments"/>, what event collectors such as dashboards and telemetry receive).
/// By default it is the JSON of the attribute's resolved expressions — for this binding the user id and the whole ID
/// token of the request, a credential. Ours is the hub as written in the attribute: no request data, no per-call JSON.
/// </summary>
public class InvokeStringTests
{
    private const string IdTokenHeader = "x-ms-token-aad-id-token";

    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "chat", UserId = "{query.user}", IdToken = "{headers." + IdTokenHeader + "}", ClaimTypeList = new[] { "name" })] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateUnique")]
        public static SignalRConnectionInfo NegotiateUnique(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "{query.hub}", UserId = "{query.user}", IdToken = "{headers." + IdTokenHeader + "}", ClaimTypeList = new[] { "name" })] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    [Theory]
    [InlineData("negotiate", "chat")]
    [InlineData("negotiateUnique", "{query.hub}")]
    public async Task LogEntryArguments_CarryTheHubAsWrittenNeverTheUserOrTheIdToken(string function, string expected)
    {
        var collector = new CapturingCollector();
        var idToken = TokenAssert.IdToken("""{"name":"Ann","secret-marker":"id-token-body"}""");
        await using var host = TestHost.Create(
            new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection },
            b => b.AddSignalRConnectionInfo().Services.AddSingleton<IEventCollectorProvider>(collector),
            typeof(Functions));
        await host.StartAsync();

        await host.CallAsync(function, "hub=chat&user=ann-the-user", new Dictionary<string, string> { [IdTokenHeader] = idToken });

        var arguments = collector.Entries.Where(e => e.Arguments is not null).Select(e => e.Arguments!).Last();
        Assert.Equal(expected, arguments["connectionInfo"]);
        var all = string.Join("\n", collector.Entries.Where(e => e.Arguments is not null).SelectMany(e => e.Arguments!.Values));
        Assert.DoesNotContain(idToken, all);
        Assert.DoesNotContain("ann-the-user", all);
    }

    [Fact]
    public void FromInvokeString_TakesTheHubAndKeepsTheOtherProperties()
    {
        var source = (Microsoft.Azure.WebJobs.Description.IAttributeInvokeDescriptor<SignalRConnectionInfoAttribute>)(object)new SignalRConnectionInfoAttribute { HubName = "{query.hub}", UserId = "{query.user}", ConnectionStringSetting = "Other", TokenLifetimeSeconds = 60 };

        var attribute = source.FromInvokeString("room1");

        Assert.Equal("room1", attribute.HubName);
        Assert.Equal("{query.user}", attribute.UserId);
        Assert.Equal("Other", attribute.ConnectionStringSetting);
        Assert.Equal(60, attribute.TokenLifetimeSeconds);
        Assert.Equal("{query.hub}", source.ToInvokeString());
    }

    private sealed class CapturingCollector : IEventCollectorProvider, IAsyncCollector<FunctionInstanceLogEntry>
    {
        public ConcurrentQueue<FunctionInstanceLogEntry> Entries { get; } = new();

        public IAsyncCollector<FunctionInstanceLogEntry> Create() => this;

        public Task AddAsync(FunctionInstanceLogEntry item, CancellationToken cancellationToken = default)
        {
            Entries.Enqueue(item);
            return Task.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
