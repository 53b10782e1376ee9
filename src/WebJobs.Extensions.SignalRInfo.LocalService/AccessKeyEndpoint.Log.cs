using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

internal sealed partial class AccessKeyEndpoint
{
    /// <summary>Log messages of the accessKey endpoint. EventIds are never reused. Never a key or a bearer token.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, Exception?> AccessKeyIssuedMessage = LoggerMessage.Define<string>(
            LogLevel.Information,
            new EventId(201, "AccessKeyIssued"),
            "Issued access key '{KeyId}' to a caller of " + Path);

        private static readonly Action<ILogger, Exception?> AccessKeyRefusedMessage = LoggerMessage.Define(
            LogLevel.Information,
            new EventId(202, "AccessKeyRefused"),
            "Refused a request to " + Path + " without a bearer token (401)");

        private static readonly Action<ILogger, string, Exception?> AccessKeyForbiddenMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            new EventId(203, "AccessKeyForbidden"),
            "Refused a request to " + Path + " from a browser page or a foreign host ({Reason}) (403)");

        public static void AccessKeyForbidden(ILogger logger, string reason) => AccessKeyForbiddenMessage(logger, reason, null);

        public static void AccessKeyIssued(ILogger logger, string keyId) => AccessKeyIssuedMessage(logger, keyId, null);

        public static void AccessKeyRefused(ILogger logger) => AccessKeyRefusedMessage(logger, null);
    }
}
