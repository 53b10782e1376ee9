using System;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// The one hub mapped at <c>/client</c>, serving every hub name. A connection's hub is its <c>hub</c> query parameter
/// (lower-cased, already validated with the token by <see cref="ClientRequestAuthenticator"/>); hubs are kept apart by
/// SignalR groups named after the hub, so "all", "user" and "group" are always scoped to the caller's hub.
/// Methods: see <see cref="LocalServiceHubMethods"/>; events: see <see cref="LocalServiceClientEvents"/>.
/// </summary>
internal sealed partial class LocalServiceHub : Hub
{
    private const string HubItem = "LocalService.Hub";

    private readonly LocalServiceState _state;
    private readonly ILogger _logger;

    public LocalServiceHub(LocalServiceState state, ILogger<LocalServiceHub> logger)
    {
        _state = state;
        _logger = logger;
    }

    private string CurrentHub => (string)Context.Items[HubItem]!;

    private string Sender => Context.UserIdentifier ?? Context.ConnectionId;

    /// <summary>See <see cref="LocalServiceHubMethods.Broadcast"/>.</summary>
    public Task Broadcast(string user, string message) =>
        Clients.Group(HubGroup(CurrentHub)).SendAsync(LocalServiceClientEvents.NewMessage, user, message);

    /// <summary>See <see cref="LocalServiceHubMethods.SendToUser"/>.</summary>
    public Task SendToUser(string userId, string message)
    {
        if (userId is null)
        {
            throw new HubException("userId is required.");
        }

        return Clients.Group(UserGroup(CurrentHub, userId)).SendAsync(LocalServiceClientEvents.NewMessage, Sender, message);
    }

    /// <summary>See <see cref="LocalServiceHubMethods.JoinGroup"/>.</summary>
    public Task JoinGroup(string group) => Groups.AddToGroupAsync(Context.ConnectionId, NamedGroup(CurrentHub, group));

    /// <summary>See <see cref="LocalServiceHubMethods.LeaveGroup"/>.</summary>
    public Task LeaveGroup(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, NamedGroup(CurrentHub, group));

    /// <summary>See <see cref="LocalServiceHubMethods.SendToGroup"/>.</summary>
    public Task SendToGroup(string group, string message) =>
        Clients.Group(NamedGroup(CurrentHub, group)).SendAsync(LocalServiceClientEvents.NewMessage, Sender, message);

    /// <summary>See <see cref="LocalServiceHubMethods.WhoAmI"/>.</summary>
    public string? WhoAmI() => Context.UserIdentifier;

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var hub = HubNames.Normalize(Context.GetHttpContext()?.Request.Query["hub"].ToString() ?? string.Empty);
        Context.Items[HubItem] = hub;
        var userId = Context.UserIdentifier;
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroup(hub)).ConfigureAwait(false);
        if (userId is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(hub, userId)).ConfigureAwait(false);
        }

        // Recorded last: once a test sees the connection, it is in its groups.
        var claims = Context.User?.Claims.ToArray() ?? Array.Empty<Claim>();
        var transport = Context.Features.Get<IHttpTransportFeature>()?.TransportType;
        _state.AddConnection(new LocalServiceConnection(Context.ConnectionId, hub, userId, claims, transport));
        Log.Connected(_logger, Context.ConnectionId, hub, userId ?? "(none)", transport?.ToString() ?? "unknown");
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        _state.RemoveConnection(Context.ConnectionId);
        Log.Disconnected(_logger, Context.ConnectionId, exception);
        return Task.CompletedTask;
    }

    // Hub names cannot contain ':', so these group names never collide across hubs or kinds.
    private static string HubGroup(string hub) => "h:" + hub;

    private static string UserGroup(string hub, string userId) => "u:" + hub + ":" + userId;

    private static string NamedGroup(string hub, string group)
    {
        if (string.IsNullOrEmpty(group))
        {
            throw new HubException("group must not be empty.");
        }

        return "g:" + hub + ":" + group;
    }
}
