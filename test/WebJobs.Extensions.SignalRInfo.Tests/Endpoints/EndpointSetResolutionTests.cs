using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SignalRInfo.TestSupport;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>The resolver's endpoint sets (the setting plus Azure:SignalR:Endpoints) and negotiations over them.</summary>
public sealed class EndpointSetResolutionTests : IDisposable
{
    private const string Setting = "AzureSignalRConnectionString";
    private const string Key = EndpointTestSet.Key;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20000));
    private readonly IdentityKeyProviderRegistry _registry;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly EndpointTestSet.ScriptedProbe _probe = new();

    public EndpointSetResolutionTests()
    {
        _registry = new IdentityKeyProviderRegistry(new IdentityKeyClient(_time), new IdentityKeyPolicy(), _time, NullLoggerFactory.Instance);
    }

    public void Dispose() => _registry.Dispose();

    private static string Connection(string host) => "Endpoint=https://" + host + ".service.signalr.net;AccessKey=" + Key + ";Version=1.0;";

    private ServiceConnectionResolver Resolver(params (string Key, string? Value)[] settings) => Resolver(EndpointTestSet.Configuration(settings));

    private ServiceConnectionResolver Resolver(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new(configuration, LoggerFactory.Create(b => b.AddProvider(_logs)), _registry, new FakeCredentialFactory(), new SignalRInfoOptions().ToSettings(), null, _probe, _time);

    [Fact]
    public void GetEndpoints_SettingOnly_IsOneEndpoint()
    {
        var set = Resolver((Setting, Connection("main"))).GetEndpoints(Setting);

        Assert.True(set.IsSingle);
        Assert.Equal("https://main.service.signalr.net", set.Endpoints[0].Identity);
    }

    [Fact]
    public void GetEndpoints_SettingAndEntries_SettingIsAnUnnamedPrimary_PrimariesFirst()
    {
        var set = Resolver(
            ("Azure:SignalR:Endpoints:backup:secondary", Connection("backup")),
            (Setting, Connection("main")),
            ("Azure:SignalR:Endpoints:east", Connection("east"))).GetEndpoints(Setting);

        Assert.Equal(
            new[] { (string.Empty, SignalREndpointType.Primary), ("east", SignalREndpointType.Primary), ("backup", SignalREndpointType.Secondary) },
            set.Endpoints.Select(e => (e.Name, e.Type)));
    }

    [Fact]
    public void GetEndpoints_EntriesWithoutTheSetting_AreEnough()
    {
        var set = Resolver(("Azure:SignalR:Endpoints:east", Connection("east")), ("Azure:SignalR:Endpoints:west", Connection("west"))).GetEndpoints(Setting);

        Assert.Equal(new[] { "east", "west" }, set.Endpoints.Select(e => e.Name));
    }

    [Fact]
    public void GetEndpoints_Nothing_IsTheSettingNotFoundError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolver().GetEndpoints(Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.SettingNotFound, Setting), error.Message);
    }

    [Fact]
    public void GetEndpoints_SameInstanceTwice_MergedWithAWarningNamingBoth()
    {
        var set = Resolver(
            (Setting, Connection("main")),
            ("Azure:SignalR:Endpoints:again", "Endpoint=HTTPS://MAIN.service.signalr.net/;AccessKey=" + Key + ";Version=1.0;")).GetEndpoints(Setting);

        Assert.True(set.IsSingle);
        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == 33);
        Assert.Contains("'" + Setting + "'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'Azure:SignalR:Endpoints:again'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetEndpoints_MalformedConnectionStringInAnEntry_ErrorNamesTheEntry()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Resolver((Setting, Connection("main")), ("Azure:SignalR:Endpoints:east", "Endpoint=nope;AccessKey=" + Key)).GetEndpoints(Setting));

        Assert.Contains("Azure:SignalR:Endpoints:east", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetEndpoints_CachedUntilReload_ThenEntriesChangedAddedOrRemoved()
    {
        var source = new ReloadingConfigurationSource(new System.Collections.Generic.Dictionary<string, string?>
        {
            [Setting] = Connection("main"),
            ["Azure:SignalR:Endpoints:east"] = Connection("east"),
        });
        var resolver = Resolver(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Add(source).Build());
        var first = resolver.GetEndpoints(Setting);
        Assert.Same(first, resolver.GetEndpoints(Setting));

        source.Provider.SetAndReload("Azure:SignalR:Endpoints:east", Connection("east2"));
        Assert.Equal(new[] { "https://main.service.signalr.net", "https://east2.service.signalr.net" }, resolver.GetEndpoints(Setting).Endpoints.Select(e => e.Identity));

        source.Provider.SetAndReload("Azure:SignalR:Endpoints:west:secondary", Connection("west"));
        Assert.Equal(3, resolver.GetEndpoints(Setting).Endpoints.Count);

        source.Provider.SetAndReload("Azure:SignalR:Endpoints:east", null);
        source.Provider.SetAndReload("Azure:SignalR:Endpoints:west:secondary", null);
        Assert.True(resolver.GetEndpoints(Setting).IsSingle);
    }

    [Fact]
    public async Task GetEndpoints_IdentitySectionChanged_IsRebuilt_RemovedEntry_ReleasesItsKeyProvider()
    {
        await using var keys = KeyEndpointServer.Start();
        var source = new ReloadingConfigurationSource(new System.Collections.Generic.Dictionary<string, string?>
        {
            [Setting] = Connection("main"),
            ["Azure:SignalR:Endpoints:id:serviceUri"] = keys.BaseUrl,
            ["Azure:SignalR:Endpoints:id:clientId"] = "first",
        });
        var resolver = Resolver(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Add(source).Build());
        var before = (IdentityConnection)resolver.GetEndpoints(Setting).Endpoints.Single(e => e.Name == "id").Connection;

        // A changed credential key (say a rotated client secret) makes a new connection with its own key provider.
        source.Provider.SetAndReload("Azure:SignalR:Endpoints:id:clientId", "second");
        var after = (IdentityConnection)resolver.GetEndpoints(Setting).Endpoints.Single(e => e.Name == "id").Connection;
        Assert.NotSame(before, after);
        Assert.NotSame(before.Provider, after.Provider);
        Assert.True(before.Provider.IsDisposed);

        // The entry removed: its provider stops (no refresh for the life of the host).
        source.Provider.SetAndReload("Azure:SignalR:Endpoints:id:serviceUri", null);
        source.Provider.SetAndReload("Azure:SignalR:Endpoints:id:clientId", null);
        Assert.True(resolver.GetEndpoints(Setting).IsSingle);
        Assert.True(after.Provider.IsDisposed);
    }

    [Fact]
    public async Task IssueAll_AnInstanceCannotSign_ItsConnectionInfoIsNull_NoneCanSign_ErrorNamesEach()
    {
        await using var keys = KeyEndpointServer.Start();
        keys.Reply(KeyReply.Error(403));
        var resolver = Resolver(
            ("Azure:SignalR:Endpoints:id:serviceUri", keys.BaseUrl),
            ("Azure:SignalR:Endpoints:backup:secondary", Connection("backup")));
        var issuer = new ConnectionInfoIssuer(resolver, _time);

        var all = await issuer.IssueAllAsync(Setting, "chat", "u", default, 60, TokenInputs.Binding, default);

        Assert.Null(all.Single(r => r.Endpoint.Name == "id").Info);
        var backup = all.Single(r => r.Endpoint.Name == "backup").Info!.Value;
        await TokenAssert.ValidAsync(backup.AccessToken, Key, "https://backup.service.signalr.net/client/?hub=chat", _time.GetUtcNow());

        var none = Resolver(("Azure:SignalR:Endpoints:id:serviceUri", keys.BaseUrl), ("Azure:SignalR:Endpoints:other:serviceUri", keys.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ConnectionInfoIssuer(none, _time).IssueAllAsync(Setting, "chat", null, default, 60, TokenInputs.Binding, default));
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_NoEndpointOnline_ErrorNamesEveryEndpointAndWhy()
    {
        var resolver = Resolver(("Azure:SignalR:Endpoints:east", Connection("east")), ("Azure:SignalR:Endpoints:west", Connection("west")));
        foreach (var endpoint in resolver.GetEndpoints(Setting).Endpoints)
        {
            endpoint.Health.ReportProbeFailure("the health probe answered 503");
            endpoint.Health.ReportProbeFailure("the health probe answered 503");
        }

        var issuer = new ConnectionInfoIssuer(resolver, _time);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await issuer.IssueAsync(Setting, "chat", null, default, 60, TokenInputs.Binding, default));

        Assert.Contains("'east' (https://east.service.signalr.net): the health probe answered 503", error.Message, StringComparison.Ordinal);
        Assert.Contains("'west' (https://west.service.signalr.net): the health probe answered 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_NegotiationsBetweenFailedProbes_DoNotResetTheFailures()
    {
        var resolver = Resolver(("Azure:SignalR:Endpoints:east", Connection("east")), ("Azure:SignalR:Endpoints:west", Connection("west")));
        var issuer = new ConnectionInfoIssuer(resolver, _time);
        var east = resolver.GetEndpoints(Setting).Endpoints.Single(e => e.Name == "east");

        east.Health.ReportProbeFailure("the health probe failed: HttpRequestException");

        // An access key always signs: negotiations that pick 'east' meanwhile prove nothing about the instance.
        for (var i = 0; i < 50; i++)
        {
            await issuer.IssueAsync(Setting, "chat", "user-" + i, default, 60, TokenInputs.Binding, default);
        }

        east.Health.ReportProbeFailure("the health probe failed: HttpRequestException");
        Assert.False(east.Health.IsOnline);
    }

    [Fact]
    public async Task Issue_TokenNamesTheChosenEndpoint_AndNeverWaitsForAProbe()
    {
        var resolver = Resolver(("Azure:SignalR:Endpoints:east", Connection("east")), ("Azure:SignalR:Endpoints:west", Connection("west")));
        var issuer = new ConnectionInfoIssuer(resolver, _time);
        await issuer.IssueAsync(Setting, "chat", null, default, 60, TokenInputs.Binding, default);
        Assert.Equal(0, _probe.Calls);
        _probe.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _time.Advance(TimeSpan.FromMinutes(3));

        for (var i = 0; i < 20; i++)
        {
            var pending = issuer.IssueAsync(Setting, "chat", "user-" + i, default, 60, TokenInputs.Binding, default);
            Assert.True(pending.IsCompleted, "a negotiation waited for the held health probe");
            var info = await pending;
            var host = new Uri(info.Url).Host;
            await TokenAssert.ValidAsync(info.AccessToken, Key, "https://" + host + "/client/?hub=chat", _time.GetUtcNow());
        }

        // One probe per endpoint was started by the first of those negotiations, and none of them waited for it.
        for (var i = 0; i < 500 && _probe.Calls < 2; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, _probe.Calls);
        _probe.Hold.SetResult();
    }

    [Fact]
    public async Task Issue_ChosenIdentityEndpointCannotSign_TheNextOneSigns()
    {
        await using var keys = KeyEndpointServer.Start();
        keys.Reply(KeyReply.Error(403));
        var resolver = Resolver(
            ("Azure:SignalR:Endpoints:identity:serviceUri", keys.BaseUrl),
            ("Azure:SignalR:Endpoints:backup:secondary", Connection("backup")));
        var issuer = new ConnectionInfoIssuer(resolver, _time);

        var info = await issuer.IssueAsync(Setting, "chat", "u", default, 60, TokenInputs.Binding, default);

        Assert.StartsWith("https://backup.service.signalr.net/", info.Url, StringComparison.Ordinal);
        await TokenAssert.ValidAsync(info.AccessToken, Key, "https://backup.service.signalr.net/client/?hub=chat", _time.GetUtcNow());
    }
}
