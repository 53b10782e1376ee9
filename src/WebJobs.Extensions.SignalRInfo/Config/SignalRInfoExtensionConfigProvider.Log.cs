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
            "Microsoft's SignalR Service extension (Microsoft.Azure.WebJobs.Extensions.SignalRService {Version}) is loaded too, and both extensions claim the binding types 'signalRConnectionInfo', 'signalRNegotiation' and 'signalREndpoints': " +
            "the host keeps only one extension per name. To use this extension's negotiate binding unambiguously, use the binding type 'signalRInfo' " +
            "(function.json \"type\": \"signalRInfo\"; in-process C# [SignalRInfo]; isolated C# [SignalRInfoInput]), with the same properties. " +
            "(signalRNegotiation and signalREndpoints have no unique alias: use them only without Microsoft's extension). Its options are read from host.json 'extensions:signalRInfo' ('extensions:signalR' belongs to Microsoft's extension).");

        public static void MicrosoftExtensionLoaded(ILogger logger, string version) => MicrosoftExtensionLoadedMessage(logger, version, null);
    }
}
