using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo;

internal sealed partial class SignalRConnectionInfoValidator
{
    /// <summary>Log messages of the validator. Events: LogEvents.</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, Exception?> IdTokenWithoutClaimTypeListMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            LogEvents.IdTokenWithoutClaimTypeList,
            "The SignalRConnectionInfo binding of hub '{HubName}' sets IdToken but no ClaimTypeList, so no claim of the ID token is copied into the access token. " +
            "Set ClaimTypeList to the claim types to copy (C#: ClaimTypeList = new[] {{ \"name\", \"email\" }}; function.json: \"claimTypeList\": [\"name\", \"email\"]), or remove IdToken.");

        private static readonly Action<ILogger, string, Exception?> ClaimTypeListWithoutIdTokenMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            LogEvents.ClaimTypeListWithoutIdToken,
            "The SignalRConnectionInfo binding of hub '{HubName}' sets ClaimTypeList but no IdToken, so the list has no effect. " +
            "Set IdToken to the ID token to copy claims from (for example \"{{headers.x-ms-token-aad-id-token}}\" behind App Service authentication), or remove ClaimTypeList.");

        public static void IdTokenWithoutClaimTypeList(ILogger logger, string hubName) => IdTokenWithoutClaimTypeListMessage(logger, hubName, null);

        public static void ClaimTypeListWithoutIdToken(ILogger logger, string hubName) => ClaimTypeListWithoutIdTokenMessage(logger, hubName, null);
    }
}
