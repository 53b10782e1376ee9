using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Sample.Tests;

/// <summary>
/// Real .NET SignalR clients negotiate through the sample's function (our binding), follow the redirect to the
/// local service (which validates the token) and exchange messages, on every transport.
/// </summary>
public class NetClientEndToEndTests
{
    private static HubConnection Connect(SampleHost sample, string user, HttpTransportType transport) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(sample.BaseUri, "api"), transport, o => o.Headers[SampleHost.PrincipalIdHeader] = user)
            .Build();

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task TwoClients_NegotiateThroughTheFunction_AndExchangeAMessage(HttpTransportType transport)
    {
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0" });
        await using var alice = Connect(sample, "alice", transport);
        await using var bob = Connect(sample, "bob", transport);
        var received = new TaskCompletionSource<(string User, string Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.On<string, string>("newMessage", (user, message) => received.TrySetResult((user, message)));

        await alice.StartAsync();
        await bob.StartAsync();

        // The service sees the user id our function put in the token (from the App Service header).
        Assert.Equal("alice", await alice.InvokeAsync<string?>("WhoAmI"));
        Assert.Equal("bob", await bob.InvokeAsync<string?>("WhoAmI"));
        await alice.InvokeAsync("broadcast", "alice", "hello over " + transport);

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(("alice", "hello over " + transport), message);
        Assert.Contains("alice", sample.LocalService!.ConnectedUserIds);
        Assert.Contains("bob", sample.LocalService.ConnectedUserIds);
    }
}
