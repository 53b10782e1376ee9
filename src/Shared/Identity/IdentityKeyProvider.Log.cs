using System;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

internal sealed partial class IdentityKeyProvider
{
    /// <summary>Log messages of the Microsoft Entra ID key provider. Events: LogEvents; none holds a token or key.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, Uri, string, Exception?> FetchStartedMessage = LoggerMessage.Define<string, Uri, string>(
            LogLevel.Debug,
            LogEvents.IdentityKeyFetchStarted,
            "Fetching the Microsoft Entra ID key of SignalR Service connection '{SettingName}' from {AccessKeyUri} ({Reason}).");

        private static readonly Action<ILogger, string, Uri, string, int, Exception?> KeyFetchedMessage = LoggerMessage.Define<string, Uri, string, int>(
            LogLevel.Information,
            LogEvents.IdentityKeyFetched,
            "Got the Microsoft Entra ID key of SignalR Service connection '{SettingName}' from {AccessKeyUri}: key id '{KeyId}' (attempt {Attempt}).");

        private static readonly Action<ILogger, string, Uri, int, int, TimeSpan, string, Exception?> AttemptFailedMessage = LoggerMessage.Define<string, Uri, int, int, TimeSpan, string>(
            LogLevel.Information,
            LogEvents.IdentityKeyAttemptFailed,
            "Getting the Microsoft Entra ID key of SignalR Service connection '{SettingName}' from {AccessKeyUri}: attempt {Attempt} of {MaxAttempts} failed, retrying in {Delay}: {Cause}");

        private static readonly Action<ILogger, string, Uri, string, string, string, Exception?> FetchFailedMessage = LoggerMessage.Define<string, Uri, string, string, string>(
            LogLevel.Warning,
            LogEvents.IdentityKeyFetchFailed,
            "Could not get the Microsoft Entra ID key of SignalR Service connection '{SettingName}' from {AccessKeyUri} with {Credential}: {Cause} {Consequence}");

        public static void FetchStarted(ILogger logger, string settingName, Uri accessKeyUri, bool background) =>
            FetchStartedMessage(logger, settingName, accessKeyUri, background ? "in the background" : "a negotiate is waiting for it", null);

        public static void KeyFetched(ILogger logger, string settingName, Uri accessKeyUri, string keyId, int attempt) =>
            KeyFetchedMessage(logger, settingName, accessKeyUri, keyId, attempt, null);

        public static void AttemptFailed(ILogger logger, string settingName, Uri accessKeyUri, int attempt, int maxAttempts, TimeSpan delay, string cause, Exception? exception) =>
            AttemptFailedMessage(logger, settingName, accessKeyUri, attempt, maxAttempts, delay, cause, exception);

        public static void FetchFailed(ILogger logger, string settingName, Uri accessKeyUri, string credential, string cause, string consequence, Exception exception) =>
            FetchFailedMessage(logger, settingName, accessKeyUri, credential, cause, consequence, exception);
    }
}
