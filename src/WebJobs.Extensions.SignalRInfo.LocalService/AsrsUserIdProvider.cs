using Microsoft.AspNetCore.SignalR;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>The connection's user id is the token's <c>asrs.s.uid</c> claim, as in Azure SignalR Service.</summary>
internal sealed class AsrsUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User?.FindFirst(AccessTokenValidator.UserIdClaimType)?.Value;
}
