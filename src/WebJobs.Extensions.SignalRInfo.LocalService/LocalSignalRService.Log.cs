using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

public sealed partial class LocalSignalRService
{
    /// <summary>Log messages of the service. EventIds are never reused. Never a key.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, string, Exception?> StartedMessage = LoggerMessage.Define<string, string>(
            LogLevel.Information,
            new EventId(1, "LocalServiceStarted"),
            "Local SignalR service listening on {Address}; clients connect to {Endpoint}client/?hub=<hub>");

        private static readonly Action<ILogger, string, int, Exception?> HealthSwitchedMessage = LoggerMessage.Define<string, int>(
            LogLevel.Information,
            new EventId(402, "HealthSwitched"),
            "Local SignalR service switched to {Health}: " + HealthEndpoint.Path + " now answers {StatusCode}");

        private static readonly Action<ILogger, int, Exception?> StartedUnhealthyMessage = LoggerMessage.Define<int>(
            LogLevel.Information,
            new EventId(403, "LocalServiceStartedUnhealthy"),
            "Local SignalR service started unhealthy: " + HealthEndpoint.Path + " answers {StatusCode}");

        public static void HealthSwitched(ILogger logger, string health, int statusCode) => HealthSwitchedMessage(logger, health, statusCode, null);

        public static void StartedUnhealthy(ILogger logger, int statusCode) => StartedUnhealthyMessage(logger, statusCode, null);

        public static void Started(ILogger logger, string address, string endpoint) => StartedMessage(logger, address, endpoint, null);
    }
}
