using System.Globalization;
using System.Text;

namespace SignalRInfo.Core;

/// <summary>
/// Every user-facing message of the extension, in one place. A message names the property or setting, says what
/// is wrong and how to fix it, and never contains an access key, a token or a secret: placeholders take only
/// setting names, key names, hub names written in code, and numbers; a value from a request only through
/// <see cref="RequestValue"/> (quoted, truncated, escaped).
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

    /// <summary>{0}: setting name, {1}: the entry (serviceUri, clientEndpoint, serverEndpoint).</summary>
    internal const string SectionInvalidUri =
        "The SignalR Service connection section '{0}' has an invalid '{1}' ('{0}__{1}' as an environment variable): it must be an absolute http:// or https:// URL without query or fragment, such as 'https://<resource>.service.signalr.net'.";

    /// <summary>{0}: setting name, {1}: credential description, {2}: the inner message.</summary>
    internal const string CredentialCreationFailed =
        "The Microsoft Entra ID credential of the SignalR Service connection '{0}' ({1}) could not be created: {2}. " +
        "For a section, check its 'credential', 'clientId', 'tenantId', 'clientSecret', 'clientCertificate' and 'managedIdentityResourceId' entries; for a connection string, its AuthType, ClientId, TenantId, ClientSecret and ClientCert.";

    // ---- Microsoft Entra ID keys (README, "Microsoft Entra ID") -------------------------------------------------------------

    internal const string RoleAdvice =
        "Give the identity the 'SignalR App Server' role (or 'SignalR Service Owner') on the SignalR Service resource: Azure portal > the SignalR resource > Access control (IAM) > Add role assignment > SignalR App Server > select the managed identity or app, " +
        "or 'az role assignment create --role \"SignalR App Server\" --assignee <principal or client id> --scope <SignalR resource id>'. A new role assignment can take a few minutes to apply; the next negotiate tries again, no restart is needed";

    /// <summary>{0}: setting name, {1}: the key endpoint, {2}: credential description, {3}: the cause.</summary>
    internal const string IdentityKeyUnavailable =
        "The SignalR Service connection '{0}' (Microsoft Entra ID, {2}) could not get its signing key from {1}: {3}";

    internal const string KeyStatusUnauthorized =
        "the service answered 401 Unauthorized: it did not accept the identity's Microsoft Entra ID token. " +
        "Either the identity lacks the role, or the token comes from the wrong tenant or authority (check TenantId / the section's 'tenantId': it must be the tenant of the SignalR resource). " + RoleAdvice + ".";

    internal const string KeyStatusForbidden =
        "the service answered 403 Forbidden: the identity is not allowed to get keys, it lacks the role (or its token comes from the wrong tenant or authority). " + RoleAdvice + ".";

    internal const string KeyStatusNotFound =
        "the service answered 404 Not Found: this address is not a SignalR Service key endpoint. Check Endpoint (and Port, ServerEndpoint) of the connection string, or 'serviceUri' (and 'serverEndpoint') of the section: " +
        "it must be the resource's URL, such as 'https://<resource>.service.signalr.net', and ServerEndpoint, if set, must reach the same service.";

    /// <summary>{0}: the status code.</summary>
    internal const string KeyStatusRedirect =
        "the service answered {0}, a redirect: the endpoint is not the service's own address (for example http:// where https:// is needed, or a proxy). Use the address it redirects to as Endpoint or ServerEndpoint.";

    /// <summary>{0}: the status code, {1}: its name.</summary>
    internal const string KeyStatusServiceError =
        "the service answered {0} ({1}), a service-side error. The request was retried; a later negotiate tries again. If it persists, check the SignalR resource's health in the Azure portal.";

    /// <summary>{0}: the status code, {1}: its name.</summary>
    internal const string KeyStatusUnexpected =
        "the service answered {0} ({1}), which a SignalR Service key endpoint does not answer. Check that Endpoint / ServerEndpoint point to the SignalR Service resource.";

    internal const string KeyResponseNotJson =
        "the service answered 200 OK, but the body is not the JSON object {\"KeyId\":\"…\",\"AccessKey\":\"…\"} that the key endpoint returns. " +
        "Check that Endpoint / ServerEndpoint point to Azure SignalR Service and not to another site or proxy.";

    internal const string KeyResponseCamelCase =
        "the service answered 200 OK with camelCase names ('keyId' / 'accessKey'), but the key endpoint returns PascalCase 'KeyId' and 'AccessKey'. " +
        "Something between the app and the service (a proxy or a stand-in) rewrites the JSON; point Endpoint / ServerEndpoint to the service itself.";

    /// <summary>{0}: the field (KeyId or AccessKey).</summary>
    internal const string KeyResponseFieldMissing =
        "the service answered 200 OK, but its JSON has no '{0}' string (or an empty one); the key endpoint returns {{\"KeyId\":\"…\",\"AccessKey\":\"…\"}}. " +
        "Check that Endpoint / ServerEndpoint point to Azure SignalR Service.";

    /// <summary>{0}: the credential's type, {1}: its message.</summary>
    internal const string KeyCredentialFailed =
        "the credential ({0}) could not get a Microsoft Entra ID token for scope '" + IdentityKeyClient.Scope + "': {1}. " +
        "In Azure, turn on the app's managed identity (for a user-assigned one set ClientId, or the section's 'clientId'); " +
        "for local development use AuthType=azure and sign in with the Azure CLI ('az login') or Visual Studio; for a service principal check TenantId, ClientId and the secret or certificate.";

    /// <summary>{0}: the exception message.</summary>
    internal const string KeyRequestFailed =
        "the request failed before the service answered: {0}. Check that the endpoint is reachable from the app (DNS name, firewall, private endpoint or network rules of the SignalR resource). The request was retried; a later negotiate tries again.";

    /// <summary>{0}: the credential type, {1}: the timeout.</summary>
    internal const string KeyCredentialTimedOut =
        "the credential ({0}) did not return a Microsoft Entra ID token for scope '" + IdentityKeyClient.Scope + "' within {1}. " +
        "In Azure, check that the app's managed identity is turned on and the identity endpoint answers; locally, that 'az login' " +
        "(or the Visual Studio sign-in) works from the app's account. The attempt is retried; a later negotiate tries again.";

    /// <summary>{0}: the timeout.</summary>
    internal const string KeyRequestTimedOut =
        "the service did not answer within {0}. Check that the endpoint is reachable from the app. The request was retried; a later negotiate tries again.";

    /// <summary>{0}: the exception type.</summary>
    internal const string KeyUnexpectedFailure = "an unexpected {0} occurred while getting the key.";

    internal const string KeyHostStopping = "the host is stopping.";

    internal const string KeyStillPending = "the key request has not been answered yet (it goes on in the background; the endpoint may be slow or unreachable).";

    /// <summary>{0}: the wait, {1}: the last cause or <see cref="KeyStillPending"/>, {2}: how the user sets the wait.</summary>
    internal const string KeyWaitTimedOut =
        "no key arrived within {0} ({2}): {1}";

    /// <summary>{0}: seconds.</summary>
    internal const string KeyRetryAfterBackoff =
        "(This is the last fetch's error: the next negotiate tries again in {0} s or later; no restart is needed once the cause is fixed.)";

    internal const string KeyFailureKeepsCurrentKey = "Negotiations keep signing with the current key until it expires; the refresh is retried.";

    internal const string KeyFailureNoKey = "There is no usable key: negotiations fail until a later one gets it.";

    /// <summary>{0}: the option as the user sets it, {1}: the value.</summary>
    internal const string IdentityKeyWaitTimeoutOutOfRange =
        "{0} is {1}: it must be at least 00:00:01 and at most 00:05:00. Remove it to use the default of 00:00:30.";

    // ---- Connection string grammar (README, "Connections") ----------------------------------------------------------

    /// <summary>{0}: setting name.</summary>
    internal const string ConnectionStringTooShort =
        "The SignalR Service connection string in setting '{0}' is missing its endpoint: it needs at least an Endpoint and an AccessKey (or an AuthType), " +
        "as 'key=value' pairs separated by ';', e.g. " + ConnectionExample + ". Copy it from the Azure portal (SignalR Service > Keys).";

    /// <summary>{0}: setting name, {1}: the repeated key.</summary>
    internal const string DuplicateKey =
        "The SignalR Service connection string in setting '{0}' contains the key '{1}' more than once. Keep a single '{1}=…' entry.";

    /// <summary>{0}: setting name, {1}: the known key the entry starts with.</summary>
    internal const string MalformedKnownKey =
        "The SignalR Service connection string in setting '{0}' has an entry that starts with '{1}' but is not written '{1}=<value>' (for example 'AccessKey:…=' instead of 'AccessKey=…'), so it would be read as an unknown name and ignored. " +
        "Write it as '{1}=<value>'. (The entry is not shown: it may hold a key or a secret.)";

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

    internal const string HttpsRule =
        "Microsoft Entra ID sends the app's Entra token to the key endpoint, and that token can fetch the signing key of every SignalR resource the identity may use, so it must not travel in clear text. " +
        "Use https://, such as 'https://<resource>.service.signalr.net' (http:// is accepted only for a loopback host: localhost, 127.0.0.1 or [::1], e.g. the local SignalR service), or use an AccessKey instead";

    /// <summary>{0}: setting name, {1}: property (Endpoint or ServerEndpoint).</summary>
    internal const string IdentityRequiresHttps =
        "The SignalR Service connection string in setting '{0}' uses Microsoft Entra ID with an http:// {1}. " + HttpsRule + ".";

    /// <summary>{0}: setting name, {1}: the entry (serviceUri or serverEndpoint).</summary>
    internal const string SectionRequiresHttps =
        "The SignalR Service connection section '{0}' has an http:// '{1}' ('{0}__{1}' as an environment variable). " + HttpsRule + ".";

    // ---- Binding properties ----------------------------------------------------------------------------------

    internal const string HubNameMissing =
        "The SignalRConnectionInfo binding has no HubName. Set the HubName property of the attribute (\"hubName\" in function.json), e.g. HubName = \"chat\".";

    internal const string HubNameRule =
        "A hub name starts with a letter and has at most 128 characters: letters, digits and _ ` , . [ ]";

    /// <summary>{0}: the hub name written in code or function.json.</summary>
    internal const string HubNameInvalid =
        "The SignalRConnectionInfo binding's HubName '{0}' is not a valid hub name. " + HubNameRule + ". Change HubName to a valid name, e.g. \"chat\".";

    /// <summary>{0}: the value from the request, through <see cref="RequestValue"/>.</summary>
    internal const string HubNameResolvedInvalid =
        "The HubName of the SignalRConnectionInfo binding, resolved from its binding expression for this request, is not a valid hub name: {0}. " + HubNameRule + ". Send a valid hub name in the request, or change the HubName expression.";

    /// <summary>{0}: the parameter name, {1}: the type of the value given, {2}: the parameter's type.</summary>
    internal const string BindingValueOfWrongType =
        "The function was called with a value for its SignalRConnectionInfo parameter '{0}' of type {1}, which is not the parameter's type {2}. " +
        "Pass a {2}, a hub name (the binding then negotiates for that hub), or no value for '{0}' (the binding negotiates as its attribute says).";

    /// <summary>{0}: the value.</summary>
    internal const string TokenLifetimeSecondsOutOfRange =
        "The SignalRConnectionInfo binding's TokenLifetimeSeconds is {0}: it must be 0 (use the host's signalRInfo tokenLifetime, default one hour) or from 1 to 86400 (one day).";

    /// <summary>{0}: the option as the user sets it, {1}: the value.</summary>
    internal const string TokenLifetimeOutOfRange =
        "{0} is {1}: it must be at least 00:00:01 and at most 1.00:00:00 (one day). Remove it to use the default of 01:00:00.";

    /// <summary>{0}: what is wrong with the token.</summary>
    internal const string IdTokenMalformed =
        "The IdToken of the SignalRConnectionInfo binding is not a readable JWT: {0}. " +
        "Bind IdToken to a JWT (three base64url parts separated by '.', the middle one a JSON object), e.g. IdToken = \"{{headers.x-ms-token-aad-id-token}}\"; a 'Bearer ' prefix is accepted.";

    internal const string IdTokenNotThreeParts = "it does not have three parts separated by '.'";
    internal const string IdTokenPayloadNotBase64Url = "its payload is not base64url";
    internal const string IdTokenPayloadNotJsonObject = "its payload is not a JSON object";
    internal const string IdTokenPayloadInvalidText = "its payload holds text that is not valid Unicode (a lone surrogate escape such as \\udc00, or bytes that are not UTF-8)";

    /// <summary>{0}: hub, {1}: length.</summary>
    internal const string TokenTooLong =
        "The access token for hub '{0}' would be {1} characters long; Azure SignalR Service accepts at most 4096. " +
        "Copy fewer claims (ClaimTypeList), or use a shorter UserId or IdToken.";

    /// <summary>{0}: the character position.</summary>
    internal const string UserIdLoneSurrogate =
        "The UserId of the SignalRConnectionInfo binding holds an unpaired UTF-16 surrogate at character {0}: it cannot be written as UTF-8, and writing U+FFFD instead would map different user ids to one user. " +
        "Send (or bind) the user id as valid Unicode text.";

    internal const string ClaimLoneSurrogate =
        "A claim copied from the IdToken (its type or a value) holds an unpaired UTF-16 surrogate: it cannot be written as UTF-8, and writing U+FFFD instead would make different values equal. " +
        "Send an IdToken whose claims are valid Unicode text, or leave that claim type out of ClaimTypeList.";

    /// <summary>{0}: hub, {1}: the least length the token could have.</summary>
    internal const string TokenTooLongAtLeast =
        "The access token for hub '{0}' would be at least {1} characters long; Azure SignalR Service accepts at most 4096. " +
        "Copy fewer claims (ClaimTypeList), or use a shorter UserId or IdToken.";

    // ---- Several SignalR Service instances (Azure:SignalR:Endpoints) -----------------------------------------

    /// <summary>{0}: the entry's path.</summary>
    internal const string EndpointEntryEmpty =
        "The SignalR Service endpoint '{0}' is empty. Set it to the instance's connection string (SignalR Service > Keys in the Azure portal), " +
        "or remove it; '{0}__serviceUri' makes it an identity-based endpoint.";

    /// <summary>{0}: the entry's path, {1}: the endpoint's path.</summary>
    internal const string EndpointEntryUnknownKey =
        "The SignalR Service endpoint entry '{0}' is neither 'primary' nor 'secondary'. Under '{1}' put a connection string at '{1}', '{1}:primary' or '{1}:secondary', " +
        "or make '{1}' an identity-based endpoint with '{1}:serviceUri' (and optionally 'type', 'clientEndpoint', 'serverEndpoint' and credential keys).";

    /// <summary>{0}: the entry's path, {1}: the endpoint's path.</summary>
    internal const string EndpointEntryTypedSection =
        "The SignalR Service endpoint entry '{0}' is a section: a typed entry holds a connection string. For an identity-based endpoint put 'serviceUri' and 'type' directly under '{1}'.";

    /// <summary>{0}: the endpoint's path.</summary>
    internal const string EndpointEntryValueAndChildren =
        "The SignalR Service endpoint '{0}' has both a value and entries below it ('{0}:primary', '{0}:secondary' or an identity section). " +
        "Keep one form: the connection string at '{0}', or the typed entries below it.";

    /// <summary>{0}: the entry's path (…:type).</summary>
    internal const string EndpointEntryInvalidType =
        "The SignalR Service endpoint setting '{0}' must be 'primary' or 'secondary'. Fix it, or remove it for a primary endpoint.";

    /// <summary>{0}: hub, {1}: every endpoint and why it is offline.</summary>
    internal const string NoEndpointOnline =
        "No SignalR Service endpoint is online for hub '{0}': {1}. Negotiations resume as soon as a health probe succeeds; check that the instances are running and reachable.";

    /// <summary>{0}: the value.</summary>
    internal const string HealthProbeIntervalOutOfRange =
        "The routing option healthProbeInterval (host.json 'extensions:signalRInfo:routing:healthProbeInterval'; in the worker, SignalRNegotiatorOptions.Routing.HealthProbeInterval) is {0}: " +
        "it must be at least 00:00:01 and at most 01:00:00. Remove it to use the default of 00:02:00.";

    /// <summary>{0}: the value.</summary>
    internal const string OfflineAfterFailuresOutOfRange =
        "The routing option offlineAfterFailures (host.json 'extensions:signalRInfo:routing:offlineAfterFailures'; in the worker, SignalRNegotiatorOptions.Routing.OfflineAfterFailures) is {0}: " +
        "it must be from 1 to 100. Remove it to use the default of 2.";

    /// <summary>{0}: the endpoint name, {1}: the value.</summary>
    internal const string WeightOutOfRange =
        "The routing weight of endpoint '{0}' (host.json 'extensions:signalRInfo:routing:weights:{0}'; in the worker, SignalRNegotiatorOptions.Routing.Weights) is {1}: it must be 0 or more.";

    /// <summary>{0}: hub, {1}: every endpoint and why it could not sign.</summary>
    internal const string NoEndpointSigned =
        "No SignalR Service endpoint could sign a negotiation for hub '{0}': {1}.";

    /// <summary>{0}: the router's type name.</summary>
    internal const string RouterReturnedUnknownEndpoint =
        "The endpoint router {0} returned an endpoint that is not one of those it was given. Return one of the endpoints passed to ChooseEndpoint, or null for the configured routing mode.";

    // ---- ISignalRNegotiator ----------------------------------------------------------------------------------

    internal const string NegotiatorHubNameMissing =
        "ISignalRNegotiator.NegotiateAsync was called without a hub name. Pass the hub the client connects to, e.g. NegotiateAsync(\"chat\").";

    /// <summary>{0}: the hub name, through <see cref="RequestValue"/> (it may come from a request).</summary>
    internal const string NegotiatorHubNameInvalid =
        "ISignalRNegotiator.NegotiateAsync was called with a hub name that is not valid: {0}. " + HubNameRule + ". Pass a valid hub name, e.g. \"chat\".";

    /// <summary>{0}: the value.</summary>
    internal const string NegotiatorTokenLifetimeOutOfRange =
        "SignalRNegotiateOptions.TokenLifetime is {0}: it must be at least 00:00:01 and at most 1.00:00:00 (one day). Leave it null to use the configured default.";

    /// <summary>{0}: the position of the null claim in the list.</summary>
    internal const string NegotiatorNullClaim =
        "SignalRNegotiateOptions.Claims holds a null claim at position {0}. Remove it from the list.";

    /// <summary>{0}: hub, {1}: length.</summary>
    internal const string NegotiatorTokenTooLong =
        "The access token for hub '{0}' would be {1} characters long; Azure SignalR Service accepts at most 4096. " +
        "Pass fewer or shorter claims (SignalRNegotiateOptions.Claims), or a shorter SignalRNegotiateOptions.UserId.";

    /// <summary>{0}: hub, {1}: the least length the token could have.</summary>
    internal const string NegotiatorTokenTooLongAtLeast =
        "The access token for hub '{0}' would be at least {1} characters long; Azure SignalR Service accepts at most 4096. " +
        "Pass fewer or shorter claims (SignalRNegotiateOptions.Claims), or a shorter SignalRNegotiateOptions.UserId.";

    /// <summary>{0}: the character position.</summary>
    internal const string NegotiatorUserIdLoneSurrogate =
        "SignalRNegotiateOptions.UserId holds an unpaired UTF-16 surrogate at character {0}: it cannot be written as UTF-8, and writing U+FFFD instead would map different user ids to one user. " +
        "Pass the user id as valid Unicode text.";

    internal const string NegotiatorClaimLoneSurrogate =
        "A claim in SignalRNegotiateOptions.Claims (its type or its value) holds an unpaired UTF-16 surrogate: it cannot be written as UTF-8, and writing U+FFFD instead would make different values equal. " +
        "Pass claims whose types and values are valid Unicode text.";

    /// <summary>The most characters of a request's value that a message shows.</summary>
    internal const int MaxRequestValueLength = 64;

    /// <summary>
    /// A value that came from a request, made safe for a message or a log line: in single quotes, at most
    /// <see cref="MaxRequestValueLength"/> characters (then '… (n characters)'), with <c>'</c> and <c>\</c> escaped and
    /// every control, format, line-separator or unpaired surrogate character written as <c>\uXXXX</c> (<c>\r \n \t</c>
    /// as such), so that it can neither forge a log line nor hide its text.
    /// </summary>
    internal static string RequestValue(string value)
    {
        var shown = value.Length;
        if (shown > MaxRequestValueLength)
        {
            shown = char.IsHighSurrogate(value[MaxRequestValueLength - 1]) ? MaxRequestValueLength - 1 : MaxRequestValueLength;
        }

        var text = new StringBuilder(shown + 24).Append('\'');
        AppendEscaped(text, value, shown, quoted: true);
        text.Append('\'');
        if (shown < value.Length)
        {
            text.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return text.ToString();
    }

    /// <summary>
    /// A configured value (a client id, a tenant id) made safe for a message or a log line: control, format,
    /// line-separator and unpaired-surrogate characters as <c>\uXXXX</c>, the rest unchanged.
    /// </summary>
    internal static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        AppendEscaped(text, value, value.Length, quoted: false);
        return text.ToString();
    }

    private static void AppendEscaped(StringBuilder text, string value, int count, bool quoted)
    {
        for (var i = 0; i < count; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\'' when quoted:
                    text.Append("\\'");
                    continue;
                case '\\' when quoted:
                    text.Append("\\\\");
                    continue;
                case '\r':
                    text.Append("\\r");
                    continue;
                case '\n':
                    text.Append("\\n");
                    continue;
                case '\t':
                    text.Append("\\t");
                    continue;
            }

            if (char.IsSurrogatePair(value, i) && i + 1 < count)
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                continue;
            }

            text.Append(c);
        }
    }

    /// <summary>Formats a message with the invariant culture.</summary>
    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
