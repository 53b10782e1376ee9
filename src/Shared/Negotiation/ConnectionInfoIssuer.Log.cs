using System;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

internal sealed partial class ConnectionInfoIssuer
{
    /// <summary>Log messages of the issuer. Events: LogEvents; none holds a key or a token.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, string, Exception?> EndpointFailedOverMessage = LoggerMessage.Define<string, string>(
            LogLevel.Warning,
            LogEvents.EndpointFailedOver,
            "The SignalR Service endpoint {Failed} could not sign a negotiation (its Microsoft Entra ID key is unavailable); trying {Next}.");

        public static void EndpointFailedOver(ILogger logger, string failed, string next) => EndpointFailedOverMessage(logger, failed, next, null);
    }
}
