using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

internal sealed partial class HealthEndpoint
{
    /// <summary>Log messages of the health probe endpoint. EventIds are never reused.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, int, Exception?> ProbedMessage = LoggerMessage.Define<string, int>(
            LogLevel.Debug,
            new EventId(401, "HealthProbed"),
            "Health probe {Method} " + Path + " answered {StatusCode}");

        public static void Probed(ILogger logger, string method, int statusCode) => ProbedMessage(logger, method, statusCode, null);
    }
}
