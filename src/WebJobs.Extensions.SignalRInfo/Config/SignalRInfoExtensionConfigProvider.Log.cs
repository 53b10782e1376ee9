using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo;

internal sealed partial class SignalRInfoExtensionConfigProvider
{
    /// <summary>Log messages of the extension's start-up. Events: LogEvents.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, Exception?> MicrosoftExtensionLoadedMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            LogEvents.MicrosoftSignalRExtensionLoaded,
            "Microsoft's SignalR Service extension (Microsoft.Azure.WebJobs.Extensions.SignalRService {Version}) is loaded too, and both extensions claim the binding type 'signalRConnectionInfo': " +
            "the host keeps only one of them for that name. To use this extension's negotiate binding unambiguously, use the binding type 'signalRInfo' " +
            "(function.json \"type\": \"signalRInfo\"; in-process C# [SignalRInfo]; isolated C# [SignalRInfoInput]), with the same properties. " +
            "Its options are read from host.json 'extensions:signalRInfo' ('extensions:signalR' belongs to Microsoft's extension).");

        public static void MicrosoftExtensionLoaded(ILogger logger, string version) => MicrosoftExtensionLoadedMessage(logger, version, null);
    }
}
