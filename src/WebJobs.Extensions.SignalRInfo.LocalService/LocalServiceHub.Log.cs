using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

internal sealed partial class LocalServiceHub
{
    /// <summary>Log messages of the hub. EventIds are never reused.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, string, string, string, Exception?> ConnectedMessage = LoggerMessage.Define<string, string, string, string>(
            LogLevel.Debug,
            new EventId(301, "ClientConnected"),
            "Client {ConnectionId} connected to hub '{Hub}' as user '{UserId}' over {Transport}");

        private static readonly Action<ILogger, string, Exception?> DisconnectedMessage = LoggerMessage.Define<string>(
            LogLevel.Debug,
            new EventId(302, "ClientDisconnected"),
            "Client {ConnectionId} disconnected");

        public static void Connected(ILogger logger, string connectionId, string hub, string userId, string transport) =>
            ConnectedMessage(logger, connectionId, hub, userId, transport, null);

        public static void Disconnected(ILogger logger, string connectionId, Exception? exception) =>
            DisconnectedMessage(logger, connectionId, exception);
    }
}
