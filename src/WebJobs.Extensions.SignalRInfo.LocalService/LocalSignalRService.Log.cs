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

        public static void Started(ILogger logger, string address, string endpoint) => StartedMessage(logger, address, endpoint, null);
    }
}
