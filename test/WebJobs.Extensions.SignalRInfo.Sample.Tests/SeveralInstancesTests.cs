using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using WebJobs.Extensions.SignalRInfo.LocalService;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Sample.Tests;

/// <summary>
/// Three local SignalR services as three instances (the setting plus Azure:SignalR:Endpoints) behind the sample's
/// negotiate function: clients spread over all three; one is stopped mid-test, its health probe fails, and from then
/// on new clients land on the other two and connect there — the instance their token names.
/// </summary>
public sealed class SeveralInstancesTests
{
    private readonly ITestOutputHelper _output;

    public SeveralInstancesTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ThreeInstances_OneStopped_NewClientsLandOnTheOthers()
    {
        await using var one = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });
        var two = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });
        await using var three = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });
        var stopped = false;
        try
        {
            await using var sample = await SampleHost.StartAsync(new[]
            {
                "--urls", "http://127.0.0.1:0",
                "--AzureSignalRConnectionString=" + one.ConnectionString,
                "--Azure:SignalR:Endpoints:two=" + two.ConnectionString,
                "--Azure:SignalR:Endpoints:three:primary=" + three.ConnectionString,
                "--AzureWebJobs:extensions:signalRInfo:routing:healthProbeInterval=00:00:01",
            });
            Assert.Null(sample.LocalService);
            using var http = new HttpClient { BaseAddress = sample.BaseUri, Timeout = TimeSpan.FromSeconds(30) };

            // Every instance takes clients.
            var before = new Dictionary<int, int>();
            for (var i = 0; i < 30; i++)
            {
                var port = await NegotiatePortAsync(http, "before-" + i);
                before[port] = before.GetValueOrDefault(port) + 1;
            }

            _output.WriteLine("MEASURE before: " + string.Join(", ", before.Select(p => Name(p.Key, one, two, three) + "=" + p.Value)));
            Assert.Equal(new[] { one.Endpoint.Port, two.Endpoint.Port, three.Endpoint.Port }.OrderBy(p => p), before.Keys.OrderBy(p => p));

            // Instance two stops. Negotiations go on (they start the due probes, never wait for them) until its
            // health is known; the function never fails meanwhile, it may only still name 'two'.
            await two.DisposeAsync();
            stopped = true;
            var stillTwo = 0;
            var rounds = 0;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            for (var recent = new Queue<int>(); DateTime.UtcNow < deadline; rounds++)
            {
                var port = await NegotiatePortAsync(http, "during-" + rounds);
                stillTwo += port == two.Endpoint.Port ? 1 : 0;
                recent.Enqueue(port);
                if (recent.Count > 40)
                {
                    recent.Dequeue();
                }

                if (recent.Count == 40 && !recent.Contains(two.Endpoint.Port))
                {
                    break;
                }

                await Task.Delay(50);
            }

            _output.WriteLine($"MEASURE failover: {rounds} negotiations until 40 in a row avoided the stopped instance; {stillTwo} still named it");
            Assert.True(DateTime.UtcNow < deadline, "the stopped instance was never taken out of rotation");

            // New real clients connect to the instance their token names: one of the two that run.
            var after = new Dictionary<int, int>();
            for (var i = 0; i < 10; i++)
            {
                var user = "after-" + i;
                Assert.NotEqual(two.Endpoint.Port, await NegotiatePortAsync(http, user));
                await using var client = new HubConnectionBuilder()
                    .WithUrl(new Uri(sample.BaseUri, "api"), o => o.Headers[SampleHost.PrincipalIdHeader] = user)
                    .Build();
                await client.StartAsync();
                Assert.Equal(user, await client.InvokeAsync<string?>("WhoAmI"));
                var on = new[] { one, three }.Single(s => s.ConnectedUserIds.Contains(user));
                after[on.Endpoint.Port] = after.GetValueOrDefault(on.Endpoint.Port) + 1;
            }

            _output.WriteLine("MEASURE after: " + string.Join(", ", after.Select(p => Name(p.Key, one, two, three) + "=" + p.Value)));
        }
        finally
        {
            if (!stopped)
            {
                await two.DisposeAsync();
            }
        }
    }

    private static async Task<int> NegotiatePortAsync(HttpClient http, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/negotiate");
        request.Headers.Add(SampleHost.PrincipalIdHeader, user);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return new Uri(json.RootElement.GetProperty("url").GetString()!).Port;
    }

    private static string Name(int port, LocalSignalRService one, LocalSignalRService two, LocalSignalRService three) =>
        port == one.Endpoint.Port ? "one" : port == two.Endpoint.Port ? "two" : port == three.Endpoint.Port ? "three" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
