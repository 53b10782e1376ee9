using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Connections;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>A client connected to the <see cref="LocalSignalRService"/>, as its access token described it.</summary>
public sealed class LocalServiceConnection
{
    internal LocalServiceConnection(string connectionId, string hub, string? userId, IReadOnlyList<Claim> claims, HttpTransportType? transport)
    {
        ConnectionId = connectionId;
        Hub = hub;
        UserId = userId;
        Claims = claims;
        Transport = transport;
    }

    /// <summary>The SignalR connection id.</summary>
    public string ConnectionId { get; }

    /// <summary>The hub the client connected to, lower-cased (the <c>hub</c> query parameter).</summary>
    public string Hub { get; }

    /// <summary>The user id: the token's <c>asrs.s.uid</c> claim, or null when the token has none.</summary>
    public string? UserId { get; }

    /// <summary>Every claim of the token's payload (arrays give one claim per element), including <c>aud</c>, <c>exp</c>, ….</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>The transport the client connected with, when known.</summary>
    public HttpTransportType? Transport { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ConnectionId} (hub '{Hub}', user '{UserId}', {Transport})";
}
