using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>Endpoints for router and health tests: access-key instances <c>https://&lt;name&gt;.service.signalr.net</c> with a scripted probe.</summary>
internal sealed class EndpointTestSet
{
    public const string Key = "SetKey0123456789abcdefghijklmnopqrstuvwxyz012=";

    public EndpointTestSet(params (string Name, SignalREndpointType Type)[] endpoints)
    {
        var list = new List<ConfiguredEndpoint>();
        foreach (var (name, type) in endpoints)
        {
            var connection = new AccessKeyConnection("Azure:SignalR:Endpoints:" + name, new ServiceEndpoint(new Uri("https://" + name + ".service.signalr.net")), Key);
            var entry = new EndpointEntry(name, type, "Azure:SignalR:Endpoints:" + name, new ConnectionSource("x", null, "x"));
            var health = new EndpointHealth(connection.Endpoint.HealthUri, name, Probe, Time, NullLogger.Instance, TimeSpan.FromMinutes(2), 2);
            list.Add(new ConfiguredEndpoint(entry, connection, health, connection.Endpoint.Identity));
        }

        Endpoints = list;
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UnixEpoch.AddDays(20000));

    public ScriptedProbe Probe { get; } = new();

    public List<ConfiguredEndpoint> Endpoints { get; }

    public ConfiguredEndpoint this[string name] => Endpoints.Find(e => e.Name == name)!;

    /// <summary>A probe whose answer per URI the test sets; counts calls; can be held open.</summary>
    internal sealed class ScriptedProbe : IEndpointHealthProbe
    {
        private readonly Dictionary<string, string?> _answers = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource? Hold { get; set; }

        public void Answer(string host, string? failure)
        {
            lock (_answers)
            {
                _answers[host] = failure;
            }
        }

        public async Task<string?> ProbeAsync(Uri healthUri, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            if (Hold is { } hold)
            {
                await hold.Task.ConfigureAwait(false);
            }

            lock (_answers)
            {
                return _answers.TryGetValue(healthUri.Host, out var failure) ? failure : null;
            }
        }
    }

    internal static IConfiguration Configuration(params (string Key, string? Value)[] settings)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            data[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }
}
