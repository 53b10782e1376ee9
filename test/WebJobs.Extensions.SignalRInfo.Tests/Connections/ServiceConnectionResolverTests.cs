using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>The resolver caches a connection until the configuration's reload token fires, and then reads the setting again.</summary>
public sealed class ServiceConnectionResolverTests : IDisposable
{
    private const string Setting = "AzureSignalRConnectionString";
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFG=";
    private const string First = "Endpoint=https://first.service.signalr.net;AccessKey=" + Key + ";Version=1.0;";
    private const string Second = "Endpoint=https://second.service.signalr.net;AccessKey=" + Key + ";Version=1.0;";

    private readonly IdentityKeyProviderRegistry _registry;

    public ServiceConnectionResolverTests()
    {
        var time = new FakeTimeProvider();
        _registry = new IdentityKeyProviderRegistry(new IdentityKeyClient(time), new IdentityKeyPolicy(), time, NullLoggerFactory.Instance);
    }

    public void Dispose() => _registry.Dispose();

    [Fact]
    public void GetConnection_ValueChangedWithoutReload_KeepsTheCachedConnection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = First }).Build();
        var resolver = Resolver(configuration);
        var first = resolver.GetConnection(Setting);

        // No provider reported a change: the setting is not read again per call.
        configuration[Setting] = Second;

        Assert.Same(first, resolver.GetConnection(Setting));
    }

    [Fact]
    public void GetConnection_ReloadingProviderChangesTheSetting_ReturnsTheNewConnection()
    {
        var source = new ReloadingConfigurationSource(new Dictionary<string, string?> { [Setting] = First });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var resolver = Resolver(configuration);
        Assert.Equal("first.service.signalr.net", resolver.GetConnection(Setting).Endpoint.Endpoint.Host);

        source.Provider.SetAndReload(Setting, Second);

        Assert.Equal("second.service.signalr.net", resolver.GetConnection(Setting).Endpoint.Endpoint.Host);
    }

    [Fact]
    public void GetEndpoints_TwoSettingsInTurn_EachGetsItsOwnSet()
    {
        // The last set answers a repeated name without hashing it: names in turn, and one that differs only in case.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = First, ["Other"] = Second }).Build();
        var resolver = Resolver(configuration);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("first.service.signalr.net", resolver.GetEndpoints(Setting).Endpoints[0].Connection.Endpoint.Endpoint.Host);
            Assert.Equal("second.service.signalr.net", resolver.GetEndpoints("Other").Endpoints[0].Connection.Endpoint.Endpoint.Host);
            Assert.Equal("second.service.signalr.net", resolver.GetEndpoints("OTHER").Endpoints[0].Connection.Endpoint.Endpoint.Host);
        }
    }

    [Fact]
    public void GetEndpoints_ReloadingProviderChangesTheSetting_TheLastSetIsNotUsedAgain()
    {
        var source = new ReloadingConfigurationSource(new Dictionary<string, string?> { [Setting] = First });
        var resolver = Resolver(new ConfigurationBuilder().Add(source).Build());
        Assert.Equal("first.service.signalr.net", resolver.GetEndpoints(Setting).Endpoints[0].Connection.Endpoint.Endpoint.Host);
        Assert.Equal("first.service.signalr.net", resolver.GetEndpoints(Setting).Endpoints[0].Connection.Endpoint.Endpoint.Host);

        source.Provider.SetAndReload(Setting, Second);

        Assert.Equal("second.service.signalr.net", resolver.GetEndpoints(Setting).Endpoints[0].Connection.Endpoint.Endpoint.Host);
    }

    [Fact]
    public void GetConnection_ReloadWithTheSameValue_KeepsTheSameConnection()
    {
        var source = new ReloadingConfigurationSource(new Dictionary<string, string?> { [Setting] = First });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var resolver = Resolver(configuration);
        var first = resolver.GetConnection(Setting);

        source.Provider.SetAndReload(Setting, First);

        Assert.Same(first, resolver.GetConnection(Setting));
    }

    [Fact]
    public void GetConnection_SettingRemovedByAReload_FailsNamingTheSetting()
    {
        var source = new ReloadingConfigurationSource(new Dictionary<string, string?> { [Setting] = First });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var resolver = Resolver(configuration);
        resolver.GetConnection(Setting);

        source.Provider.SetAndReload(Setting, null);

        var error = Assert.Throws<InvalidOperationException>(() => resolver.GetConnection(Setting));
        Assert.Equal(ErrorMessages.Format(ErrorMessages.SettingNotFound, Setting), error.Message);
    }

    [Fact]
    public void LogForwarder_AccessKeyConnection_IsNeverCreated_IdentityConnection_OnceForAll()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Setting] = First,
            ["First"] = "Endpoint=https://id1.service.signalr.net;AuthType=azure.msi;Version=1.0;",
            ["Second"] = "Endpoint=https://id2.service.signalr.net;AuthType=azure.msi;Version=1.0;",
        }).Build();
        var created = 0;
        var resolver = new ServiceConnectionResolver(configuration, NullLoggerFactory.Instance, _registry, new FakeCredentialFactory(), new SignalRInfoOptions().ToSettings(), () =>
        {
            created++;
            return null;
        });

        resolver.GetConnection(Setting);
        Assert.Equal(0, created);

        resolver.GetConnection("First");
        resolver.GetConnection("Second");
        Assert.Equal(1, created);
    }

    private ServiceConnectionResolver Resolver(IConfiguration configuration) =>
        new(configuration, NullLoggerFactory.Instance, _registry, new ThrowingFactory(), new SignalRInfoOptions().ToSettings());

    private sealed class ThrowingFactory : IServiceCredentialFactory
    {
        public Azure.Core.TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section) => throw new InvalidOperationException("not used");
    }
}
