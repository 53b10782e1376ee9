using System;
using System.Linq;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Checks a binding when the host indexes the function, so configuration mistakes stop the function before the
/// first client connects: the static HubName, TokenLifetimeSeconds, and the connection (through the same
/// <see cref="ServiceConnectionResolver"/> the invocations use). Values that hold binding expressions are checked
/// per call instead. An IdToken without ClaimTypeList (or the reverse) is legal but copies nothing: a warning.
/// </summary>
internal sealed class SignalRConnectionInfoValidator
{
    private readonly ServiceConnectionResolver _resolver;
    private readonly ILogger _logger;

    public SignalRConnectionInfoValidator(ServiceConnectionResolver resolver, ILoggerFactory loggerFactory)
    {
        _resolver = resolver;
        _logger = loggerFactory.CreateLogger(LogCategories.CreateTriggerCategory("SignalRInfo"));
    }

    /// <summary>Throws an exception whose message names the property or setting and how to fix it.</summary>
    public void Validate(SignalRConnectionInfoAttributeBase attribute, Type parameterType)
    {
        var hub = attribute.HubName;
        if (string.IsNullOrWhiteSpace(hub))
        {
            throw new InvalidOperationException(ErrorMessages.HubNameMissing);
        }

        if (!HubNames.IsExpression(hub!) && !HubNames.IsValid(hub))
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.HubNameInvalid, hub));
        }

        if (attribute.TokenLifetimeSeconds < 0 || attribute.TokenLifetimeSeconds > SignalRInfoOptions.MaxTokenLifetime.TotalSeconds)
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.TokenLifetimeSecondsOutOfRange, attribute.TokenLifetimeSeconds));
        }

        _resolver.GetConnection(_resolver.ResolveSettingName(attribute.ConnectionStringSetting));

        // Neither value is logged: an IdToken written into the attribute would be a credential.
        var hasIdToken = !string.IsNullOrWhiteSpace(attribute.IdToken);
        var hasClaimTypes = attribute.ClaimTypeList?.Any(t => !string.IsNullOrWhiteSpace(t)) == true;
        if (hasIdToken && !hasClaimTypes)
        {
            Log.IdTokenWithoutClaimTypeList(_logger, hub!);
        }
        else if (hasClaimTypes && !hasIdToken)
        {
            Log.ClaimTypeListWithoutIdToken(_logger, hub!);
        }
    }

    /// <summary>Log messages of the validator. EventIds are never reused (1–2 and 14–15: resolver, 10–13: key provider).</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, Exception?> IdTokenWithoutClaimTypeListMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            new EventId(3, "IdTokenWithoutClaimTypeList"),
            "The SignalRConnectionInfo binding of hub '{HubName}' sets IdToken but no ClaimTypeList, so no claim of the ID token is copied into the access token. " +
            "Set ClaimTypeList to the claim types to copy (C#: ClaimTypeList = new[] {{ \"name\", \"email\" }}; function.json: \"claimTypeList\": [\"name\", \"email\"]), or remove IdToken.");

        private static readonly Action<ILogger, string, Exception?> ClaimTypeListWithoutIdTokenMessage = LoggerMessage.Define<string>(
            LogLevel.Warning,
            new EventId(4, "ClaimTypeListWithoutIdToken"),
            "The SignalRConnectionInfo binding of hub '{HubName}' sets ClaimTypeList but no IdToken, so the list has no effect. " +
            "Set IdToken to the ID token to copy claims from (for example \"{{headers.x-ms-token-aad-id-token}}\" behind App Service authentication), or remove ClaimTypeList.");

        public static void IdTokenWithoutClaimTypeList(ILogger logger, string hubName) => IdTokenWithoutClaimTypeListMessage(logger, hubName, null);

        public static void ClaimTypeListWithoutIdToken(ILogger logger, string hubName) => ClaimTypeListWithoutIdTokenMessage(logger, hubName, null);
    }
}
