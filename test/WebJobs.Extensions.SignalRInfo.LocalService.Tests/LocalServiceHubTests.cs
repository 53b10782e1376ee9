using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>Real .NET SignalR clients, with independently minted tokens, chatting through the local service.</summary>
public class LocalServiceHubTests
{
    private static Task<LocalSignalRService> StartServiceAsync() =>
        LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = TestTokens.Key });

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Broadcast_TwoClientsOnEachTransport_BothReceiveTheMessage(HttpTransportType transport)
    {
        await using var service = await StartServiceAsync();
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"), transport);
        await using var bob = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "bob"), transport);
        var aliceInbox = new Inbox(alice);
        var bobInbox = new Inbox(bob);
        await TestClients.StartReadyAsync(alice);
        await TestClients.StartReadyAsync(bob);

        await alice.InvokeAsync(LocalServiceHubMethods.Broadcast, "Alice", "hello over " + transport);

        Assert.Equal(("Alice", "hello over " + transport), await bobInbox.NextAsync());
        Assert.Equal(("Alice", "hello over " + transport), await aliceInbox.NextAsync());
        Assert.Equal(new[] { "alice", "bob" }, service.ConnectedUserIds.OrderBy(u => u, StringComparer.Ordinal));
        Assert.All(service.Connections, c => Assert.Equal(transport, c.Transport));
        Assert.All(service.Connections, c => Assert.Equal("chat", c.Hub));
    }

    [Fact]
    public async Task Broadcast_InvokedInLowerCaseAsTheBrowserPageDoes_Works()
    {
        await using var service = await StartServiceAsync();
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        var inbox = new Inbox(alice);
        await TestClients.StartReadyAsync(alice);

        await alice.InvokeAsync("broadcast", "alice", "hi");

        Assert.Equal(("alice", "hi"), await inbox.NextAsync());
    }

    [Fact]
    public async Task WhoAmI_TokenWithUserId_ReturnsTheAsrsUserIdAndExposesTheClaims()
    {
        await using var service = await StartServiceAsync();
        var claims = new Dictionary<string, object> { ["role"] = new[] { "admin", "reader" }, ["name"] = "Alice Doe", ["level"] = 3 };
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice-id", claims: claims));

        var userId = await TestClients.StartReadyAsync(alice);

        Assert.Equal("alice-id", userId);
        var connection = Assert.Single(service.Connections);
        Assert.Equal(alice.ConnectionId, connection.ConnectionId);
        Assert.Equal("alice-id", connection.UserId);
        Assert.Equal(new[] { "admin", "reader" }, connection.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal("Alice Doe", connection.Claims.Single(c => c.Type == "name").Value);
        Assert.Equal("3", connection.Claims.Single(c => c.Type == "level").Value);
        Assert.Equal(TestTokens.Audience("chat"), connection.Claims.Single(c => c.Type == "aud").Value);
    }

    [Fact]
    public async Task WhoAmI_TokenWithoutUserId_ReturnsNull()
    {
        await using var service = await StartServiceAsync();
        await using var anonymous = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), userId: null));

        var userId = await TestClients.StartReadyAsync(anonymous);

        Assert.Null(userId);
        Assert.Empty(service.ConnectedUserIds);
        Assert.Single(service.Connections);
    }

    [Fact]
    public async Task SendToUser_ThreeClients_ReachesOnlyEveryConnectionOfThatUser()
    {
        await using var service = await StartServiceAsync();
        var audience = TestTokens.Audience("chat");
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "alice"));
        await using var bob = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "bob"), HttpTransportType.ServerSentEvents);
        await using var bobAgain = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "bob"), HttpTransportType.LongPolling);
        await using var carol = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "carol"));
        var (aliceInbox, bobInbox, bobAgainInbox, carolInbox) = (new Inbox(alice), new Inbox(bob), new Inbox(bobAgain), new Inbox(carol));
        foreach (var connection in new[] { alice, bob, bobAgain, carol })
        {
            await TestClients.StartReadyAsync(connection);
        }

        await alice.InvokeAsync(LocalServiceHubMethods.SendToUser, "bob", "psst");
        await alice.InvokeAsync(LocalServiceHubMethods.Broadcast, "alice", "everyone");

        Assert.Equal(("alice", "psst"), await bobInbox.NextAsync());
        Assert.Equal(("alice", "psst"), await bobAgainInbox.NextAsync());
        Assert.Equal(("alice", "everyone"), await carolInbox.NextAsync());
        Assert.Equal(("alice", "everyone"), await aliceInbox.NextAsync());
        Assert.Empty(carolInbox.Drain());
        Assert.Empty(aliceInbox.Drain());
    }

    [Fact]
    public async Task SendToUser_SameUserInAnotherHub_IsNotReached()
    {
        await using var service = await StartServiceAsync();
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        await using var bobInChat = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "bob"));
        await using var bobElsewhere = TestClients.Hub(service, "other", TestTokens.Mint(TestTokens.Audience("other"), "bob"));
        var (inChat, elsewhere) = (new Inbox(bobInChat), new Inbox(bobElsewhere));
        foreach (var connection in new[] { alice, bobInChat, bobElsewhere })
        {
            await TestClients.StartReadyAsync(connection);
        }

        await alice.InvokeAsync(LocalServiceHubMethods.SendToUser, "bob", "only in chat");
        Assert.Equal(("alice", "only in chat"), await inChat.NextAsync());
        await bobElsewhere.InvokeAsync(LocalServiceHubMethods.Broadcast, "bob", "marker");

        Assert.Equal(("bob", "marker"), await elsewhere.NextAsync());
        Assert.Empty(elsewhere.Drain());
    }

    [Fact]
    public async Task Broadcast_DifferentHubs_AreIsolated()
    {
        await using var service = await StartServiceAsync();
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        await using var bob = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "bob"));
        await using var carol = TestClients.Hub(service, "news", TestTokens.Mint(TestTokens.Audience("news"), "carol"));
        var (bobInbox, carolInbox) = (new Inbox(bob), new Inbox(carol));
        foreach (var connection in new[] { alice, bob, carol })
        {
            await TestClients.StartReadyAsync(connection);
        }

        await alice.InvokeAsync(LocalServiceHubMethods.Broadcast, "alice", "chat only");
        Assert.Equal(("alice", "chat only"), await bobInbox.NextAsync());
        await carol.InvokeAsync(LocalServiceHubMethods.Broadcast, "carol", "news only");

        Assert.Equal(("carol", "news only"), await carolInbox.NextAsync());
        Assert.Empty(carolInbox.Drain());
        Assert.Empty(bobInbox.Drain());
        Assert.Equal(new[] { "chat", "chat", "news" }, service.Connections.Select(c => c.Hub).OrderBy(h => h, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Connect_MixedCaseHubInUrl_IsTheLowerCaseHub()
    {
        await using var service = await StartServiceAsync();
        await using var upper = TestClients.Hub(service, "Chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        await using var lower = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "bob"));
        var inbox = new Inbox(lower);
        await TestClients.StartReadyAsync(upper);
        await TestClients.StartReadyAsync(lower);

        await upper.InvokeAsync(LocalServiceHubMethods.Broadcast, "alice", "same hub");

        Assert.Equal(("alice", "same hub"), await inbox.NextAsync());
        Assert.All(service.Connections, c => Assert.Equal("chat", c.Hub));
    }

    [Fact]
    public async Task SendToGroup_MembersOfTheGroup_ReceiveUntilTheyLeave()
    {
        await using var service = await StartServiceAsync();
        var audience = TestTokens.Audience("chat");
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "alice"));
        await using var bob = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "bob"));
        await using var carol = TestClients.Hub(service, "chat", TestTokens.Mint(audience, "carol"));
        await using var dave = TestClients.Hub(service, "other", TestTokens.Mint(TestTokens.Audience("other"), "dave"));
        var (bobInbox, carolInbox, daveInbox) = (new Inbox(bob), new Inbox(carol), new Inbox(dave));
        foreach (var connection in new[] { alice, bob, carol, dave })
        {
            await TestClients.StartReadyAsync(connection);
        }

        await bob.InvokeAsync(LocalServiceHubMethods.JoinGroup, "room1");
        await dave.InvokeAsync(LocalServiceHubMethods.JoinGroup, "room1"); // the same group name in another hub
        await alice.InvokeAsync(LocalServiceHubMethods.SendToGroup, "room1", "first");
        Assert.Equal(("alice", "first"), await bobInbox.NextAsync());

        await bob.InvokeAsync(LocalServiceHubMethods.LeaveGroup, "room1");
        await carol.InvokeAsync(LocalServiceHubMethods.JoinGroup, "room1");
        await alice.InvokeAsync(LocalServiceHubMethods.SendToGroup, "room1", "second");
        Assert.Equal(("alice", "second"), await carolInbox.NextAsync());

        await dave.InvokeAsync(LocalServiceHubMethods.SendToGroup, "room1", "other hub");
        Assert.Equal(("dave", "other hub"), await daveInbox.NextAsync());
        await alice.InvokeAsync(LocalServiceHubMethods.Broadcast, "alice", "marker");
        Assert.Equal(("alice", "marker"), await bobInbox.NextAsync());
        Assert.Equal(("alice", "marker"), await carolInbox.NextAsync());
        Assert.Empty(bobInbox.Drain());
        Assert.Empty(carolInbox.Drain());
        Assert.Empty(daveInbox.Drain());
    }

    [Fact]
    public async Task JoinGroup_EmptyName_FailsWithAHubError()
    {
        await using var service = await StartServiceAsync();
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        await TestClients.StartReadyAsync(alice);

        var error = await Assert.ThrowsAsync<HubException>(() => alice.InvokeAsync(LocalServiceHubMethods.JoinGroup, string.Empty));

        Assert.Contains("group must not be empty", error.Message);
    }

    [Fact]
    public async Task Disconnect_Client_IsNoLongerListed()
    {
        await using var service = await StartServiceAsync();
        await using var alice = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        await TestClients.StartReadyAsync(alice);

        await alice.StopAsync();

        for (var i = 0; i < 500 && service.Connections.Count > 0; i++) // up to 10 s on a slow machine
        {
            await Task.Delay(20);
        }

        Assert.Empty(service.Connections);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Start_TokenForAnotherHub_FailsWith401(HttpTransportType transport)
    {
        await using var service = await StartServiceAsync();
        await using var connection = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("other"), "mallory"), transport);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Empty(service.Connections);
    }

    [Fact]
    public async Task Start_HandMadeProtocolToken_Connects()
    {
        await using var service = await StartServiceAsync();
        var token = TestTokens.HandMade(TestTokens.Header(), TestTokens.Payload(TestTokens.Audience("chat"), userId: "hand-made"));
        await using var connection = TestClients.Hub(service, "chat", token);

        Assert.Equal("hand-made", await TestClients.StartReadyAsync(connection));
    }
}
