using System;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

internal sealed partial class EndpointHealth
{
    /// <summary>Log messages of endpoint health. Events: LogEvents; none holds a key or a token.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, int, string, Exception?> EndpointOfflineMessage = LoggerMessage.Define<string, int, string>(
            LogLevel.Warning,
            LogEvents.EndpointOffline,
            "The SignalR Service endpoint {Endpoint} is offline after {Failures} failed checks in a row: {Reason}. Negotiations go to the other endpoints; it is probed again with back-off.");

        private static readonly Action<ILogger, string, Exception?> EndpointOnlineMessage = LoggerMessage.Define<string>(
            LogLevel.Information,
            LogEvents.EndpointOnline,
            "The SignalR Service endpoint {Endpoint} is online again.");

        private static readonly Action<ILogger, string, string, Exception?> EndpointCheckFailedMessage = LoggerMessage.Define<string, string>(
            LogLevel.Debug,
            LogEvents.EndpointCheckFailed,
            "A check of the SignalR Service endpoint {Endpoint} failed: {Reason}.");

        public static void EndpointOffline(ILogger logger, string endpoint, int failures, string reason) => EndpointOfflineMessage(logger, endpoint, failures, reason, null);

        public static void EndpointOnline(ILogger logger, string endpoint) => EndpointOnlineMessage(logger, endpoint, null);

        public static void EndpointCheckFailed(ILogger logger, string endpoint, string reason) => EndpointCheckFailedMessage(logger, endpoint, reason, null);
    }
}
