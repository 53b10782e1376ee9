using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.Sample;

public sealed partial class SampleHost
{
    /// <summary>Log messages of the sample host. EventIds are never reused; none holds a token or key.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, string, Exception?> NegotiateFailedMessage = LoggerMessage.Define<string, string>(
            LogLevel.Error,
            new EventId(1, "NegotiateFailed"),
            "The negotiate function failed (trace id {TraceId}): {Cause}");

        public static void NegotiateFailed(ILogger logger, string traceId, string cause, Exception exception) => NegotiateFailedMessage(logger, traceId, cause, exception);
    }
}
