using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

internal sealed partial class ClientRequestAuthenticator
{
    /// <summary>Log messages of the client request guard. EventIds are never reused. Never a token, never a query string.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, string, string, int, string, Exception?> RefusedMessage = LoggerMessage.Define<string, string, string, int, string>(
            LogLevel.Information,
            new EventId(101, "ClientRequestRefused"),
            "Refused {Method} {Path} for hub '{Hub}' with {StatusCode}: {Reason}");

        public static void Refused(ILogger logger, string method, string path, string hub, int statusCode, string reason) =>
            RefusedMessage(logger, method, path, hub, statusCode, reason, null);
    }
}
