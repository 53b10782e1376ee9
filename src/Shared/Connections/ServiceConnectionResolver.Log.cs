using System;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

internal sealed partial class ServiceConnectionResolver
{
    /// <summary>Log messages of the resolver. Events: LogEvents.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, string, Exception?> UnknownConnectionStringKeyMessage = LoggerMessage.Define<string, string>(
            LogLevel.Warning,
            LogEvents.UnknownConnectionStringKey,
            "The SignalR Service connection string in setting '{SettingName}' contains the unknown key '{Key}', which is ignored. Known keys: Endpoint, AccessKey, Version, Port, ClientEndpoint, ServerEndpoint, AuthType, ClientId, TenantId, ClientSecret, ClientCert. Check its spelling.");

        private static readonly Action<ILogger, string, Exception?> UnknownAuthTypeMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            LogEvents.UnknownAuthType,
            "The SignalR Service connection string in setting '{SettingName}' has an AuthType that is not one of azure, azure.msi, azure.app or aad; DefaultAzureCredential is used.");

        private static readonly Action<ILogger, string, string, Uri, Exception?> IdentityConnectionMessage = LoggerMessage.Define<string, string, Uri>(
            LogLevel.Information,
            LogEvents.IdentityConnection,
            "The SignalR Service connection '{SettingName}' uses Microsoft Entra ID: {Credential}; its signing key comes from {AccessKeyUri} and is fetched in the background now.");

        private static readonly Action<ILogger, string, int, Exception?> UnnamedConnectionStringEntriesMessage = LoggerMessage.Define<string, int>(
            LogLevel.Warning,
            LogEvents.UnnamedConnectionStringEntries,
            "The SignalR Service connection string in setting '{SettingName}' contains {Count} entries whose text before the first '=' is not a key name; they are ignored and not shown, since they may hold a key or a secret. " +
            "Every entry must be 'Key=value' with one of the keys Endpoint, AccessKey, Version, Port, ClientEndpoint, ServerEndpoint, AuthType, ClientId, TenantId, ClientSecret, ClientCert.");

        private static readonly Action<ILogger, string, string, string, Exception?> EndpointsMergedMessage = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning,
            LogEvents.EndpointsMerged,
            "The SignalR Service endpoints '{Kept}' and '{Merged}' are the same instance ({Endpoint}); the second is ignored. Remove one of them.");

        public static void EndpointsMerged(ILogger logger, string kept, string merged, string endpoint) => EndpointsMergedMessage(logger, kept, merged, endpoint, null);

        public static void UnnamedConnectionStringEntries(ILogger logger, string settingName, int count) => UnnamedConnectionStringEntriesMessage(logger, settingName, count, null);

        public static void IdentityConnection(ILogger logger, string settingName, string credential, Uri accessKeyUri) => IdentityConnectionMessage(logger, settingName, credential, accessKeyUri, null);

        public static void UnknownConnectionStringKey(ILogger logger, string settingName, string key) => UnknownConnectionStringKeyMessage(logger, settingName, key, null);

        public static void UnknownAuthType(ILogger logger, string settingName) => UnknownAuthTypeMessage(logger, settingName, null);
    }
}
