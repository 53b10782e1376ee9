using System.Globalization;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Every user-facing message of the extension, in one place. A message names the property or setting, says what
/// is wrong and how to fix it, and never contains an access key, a token or a secret: placeholders take only
/// setting names, key names, hub names written in code, and numbers.
/// </summary>
internal static class ErrorMessages
{
    internal const string ConnectionExample = "'Endpoint=https://<resource>.service.signalr.net;AccessKey=<key>;Version=1.0;'";

    // ---- Where the connection comes from -------------------------------------------------------------------

    /// <summary>{0}: setting name.</summary>
    internal const string SettingNotFound =
        "The SignalR Service connection setting '{0}' was not found. Fix it in one of these ways: " +
        "(1) add an app setting (local.settings.json 'Values', or an environment variable) named '{0}' holding the connection string from the Azure portal (SignalR Service > Keys), e.g. " + ConnectionExample + "; " +
        "(2) add it as a connection string named '{0}' ('ConnectionStrings:{0}'); " +
        "(3) for an identity-based connection, set '{0}__serviceUri' (or '{0}:serviceUri') to 'https://<resource>.service.signalr.net'; " +
        "or (4) set the binding's ConnectionStringSetting property to the name of the setting that holds the connection.";

    /// <summary>{0}: setting name.</summary>
    internal const string SettingEmpty =
        "The SignalR Service connection setting '{0}' is empty. Set it to the connection string from the Azure portal (SignalR Service > Keys), e.g. " + ConnectionExample +
        ", or remove it and set '{0}__serviceUri' for an identity-based connection.";

    /// <summary>{0}: setting name.</summary>
    internal const string SectionWithoutServiceUri =
        "The SignalR Service connection setting '{0}' is a configuration section without a 'serviceUri' entry. " +
        "For an identity-based connection set '{0}__serviceUri' (or '{0}:serviceUri') to 'https://<resource>.service.signalr.net'; " +
        "for a key-based connection set '{0}' itself to a connection string such as " + ConnectionExample + ".";

    /// <summary>{0}: the expression, e.g. %MySetting%.</summary>
    internal const string ConnectionSettingNameUnresolved =
        "The binding's ConnectionStringSetting '{0}' refers to an app setting that does not exist or is empty. " +
        "Add that app setting with the name of the connection setting as its value, or set ConnectionStringSetting to the connection setting's name directly.";

    /// <summary>{0}: setting name.</summary>
    internal const string IdentityNotSupported =
        "The SignalR Service connection '{0}' is an identity-based connection (Microsoft Entra ID: no AccessKey, or a 'serviceUri' section); " +
        "identity connections are not supported yet by this version of WebJobs.Extensions.SignalRInfo. " +
        "Use a connection string with an AccessKey, e.g. " + ConnectionExample + ".";

    // ---- Connection string grammar (PROTOCOL.md §1) ----------------------------------------------------------

    /// <summary>{0}: setting name.</summary>
    internal const string ConnectionStringTooShort =
        "The SignalR Service connection string in setting '{0}' is missing its endpoint: it needs at least an Endpoint and an AccessKey (or an AuthType), " +
        "as 'key=value' pairs separated by ';', e.g. " + ConnectionExample + ". Copy it from the Azure portal (SignalR Service > Keys).";

    /// <summary>{0}: setting name, {1}: the repeated key.</summary>
    internal const string DuplicateKey =
        "The SignalR Service connection string in setting '{0}' contains the key '{1}' more than once. Keep a single '{1}=…' entry.";

    /// <summary>{0}: setting name.</summary>
    internal const string MissingEndpoint =
        "The SignalR Service connection string in setting '{0}' has no Endpoint. Add 'Endpoint=https://<resource>.service.signalr.net;' (copy the whole connection string from the Azure portal, SignalR Service > Keys).";

    /// <summary>{0}: setting name, {1}: property (Endpoint, ClientEndpoint, ServerEndpoint).</summary>
    internal const string InvalidEndpointUri =
        "The SignalR Service connection string in setting '{0}' has an invalid {1}: it must be an absolute http:// or https:// URL without query or fragment, such as 'https://<resource>.service.signalr.net'.";

    /// <summary>{0}: setting name.</summary>
    internal const string InvalidPort =
        "The SignalR Service connection string in setting '{0}' has an invalid Port: it must be a whole number from 1 to 65535 (or remove Port to use the Endpoint's port).";

    /// <summary>{0}: setting name.</summary>
    internal const string InvalidVersion =
        "The SignalR Service connection string in setting '{0}' has an unsupported Version: use 'Version=1.0' (any 1.x version such as 1.0 or 1.1-preview is accepted), or remove Version.";

    /// <summary>{0}: setting name.</summary>
    internal const string EmptyAccessKey =
        "The SignalR Service connection string in setting '{0}' has an empty AccessKey. Paste the key from the Azure portal (SignalR Service > Keys), " +
        "or remove AccessKey and add 'AuthType=azure' (or azure.msi, azure.app) to use Microsoft Entra ID.";

    /// <summary>{0}: setting name, {1}: AuthType, {2}: the missing key.</summary>
    internal const string AuthTypeMissingKey =
        "The SignalR Service connection string in setting '{0}' uses AuthType={1} but has no {2}. " +
        "A service principal needs 'ClientId=<application (client) id>;TenantId=<directory (tenant) id>;' and either 'ClientSecret=<secret>' or 'ClientCert=<path to a certificate file>'; " +
        "for a managed identity use 'AuthType=azure.msi' (add 'ClientId=<client id>' for a user-assigned one).";

    /// <summary>{0}: setting name, {1}: AuthType.</summary>
    internal const string AuthTypeSecretAndCert =
        "The SignalR Service connection string in setting '{0}' uses AuthType={1} with both ClientSecret and ClientCert. Keep one of them.";

    /// <summary>{0}: setting name.</summary>
    internal const string ConnectionStringUnexpected =
        "The SignalR Service connection string in setting '{0}' could not be read. Copy it again from the Azure portal (SignalR Service > Keys); it looks like " + ConnectionExample + ".";

    // ---- Binding properties ----------------------------------------------------------------------------------

    internal const string HubNameMissing =
        "The SignalRConnectionInfo binding has no HubName. Set the HubName property of the attribute (\"hubName\" in function.json), e.g. HubName = \"chat\".";

    internal const string HubNameRule =
        "A hub name starts with a letter and has at most 128 characters: letters, digits and _ ` , . [ ]";

    /// <summary>{0}: the hub name written in code or function.json.</summary>
    internal const string HubNameInvalid =
        "The SignalRConnectionInfo binding's HubName '{0}' is not a valid hub name. " + HubNameRule + ". Change HubName to a valid name, e.g. \"chat\".";

    internal const string HubNameResolvedInvalid =
        "The HubName of the SignalRConnectionInfo binding, resolved from its binding expression for this request, is not a valid hub name. " + HubNameRule + ". Send a valid hub name in the request, or change the HubName expression.";

    /// <summary>{0}: the value.</summary>
    internal const string TokenLifetimeSecondsOutOfRange =
        "The SignalRConnectionInfo binding's TokenLifetimeSeconds is {0}: it must be 0 (use the host's signalR tokenLifetime, default one hour) or from 1 to 86400 (one day).";

    /// <summary>{0}: the value.</summary>
    internal const string TokenLifetimeOutOfRange =
        "SignalRInfoOptions.TokenLifetime (host.json 'extensions:signalR:tokenLifetime') is {0}: it must be at least 00:00:01 and at most 1.00:00:00 (one day). Remove it to use the default of 01:00:00.";

    /// <summary>{0}: what is wrong with the token.</summary>
    internal const string IdTokenMalformed =
        "The IdToken of the SignalRConnectionInfo binding is not a readable JWT: {0}. " +
        "Bind IdToken to a JWT (three base64url parts separated by '.', the middle one a JSON object), e.g. IdToken = \"{{headers.x-ms-token-aad-id-token}}\"; a 'Bearer ' prefix is accepted.";

    internal const string IdTokenNotThreeParts = "it does not have three parts separated by '.'";
    internal const string IdTokenPayloadNotBase64Url = "its payload is not base64url";
    internal const string IdTokenPayloadNotJsonObject = "its payload is not a JSON object";

    /// <summary>{0}: hub, {1}: length.</summary>
    internal const string TokenTooLong =
        "The access token for hub '{0}' would be {1} characters long; Azure SignalR Service accepts at most 4096. " +
        "Copy fewer claims (ClaimTypeList), or use a shorter UserId or IdToken.";

    /// <summary>Formats a message with the invariant culture.</summary>
    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
