using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SignalRInfo.Core;

/// <summary>
/// A parsed Azure SignalR Service connection string (README, "Connections"). Parsing never echoes a value: errors name
/// the setting and the key only.
/// </summary>
internal sealed class ServiceConnectionString
{
    private static readonly Regex VersionPattern = new(@"^1\.\d+(?:[\w-.]+)?$", RegexOptions.CultureInvariant);

    private static readonly string[] KnownKeys =
    {
        "Endpoint", "AccessKey", "Version", "Port", "ClientEndpoint", "ServerEndpoint",
        "AuthType", "ClientId", "TenantId", "ClientSecret", "ClientCert",
    };

    /// <summary>The longest entry name echoed in a message; longer ones may be a pasted secret.</summary>
    private const int MaxKeyNameLength = 24;

    private ServiceConnectionString(ServiceEndpoint endpoint, string? accessKey, IdentityCredentialSpec? identity, IReadOnlyList<string> unknownKeys, int unnamedEntries)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
        Identity = identity;
        UnknownKeys = unknownKeys;
        UnnamedEntries = unnamedEntries;
    }

    /// <summary>The service endpoint and the URLs derived from it.</summary>
    public ServiceEndpoint Endpoint { get; }

    /// <summary>The access key (used as its UTF-8 bytes), or null for an identity connection.</summary>
    public string? AccessKey { get; }

    /// <summary>The credential to use when there is no access key.</summary>
    public IdentityCredentialSpec? Identity { get; }

    /// <summary>Keys that are not part of the grammar (e.g. a typo such as 'AccesKey'); their values are never kept.</summary>
    public IReadOnlyList<string> UnknownKeys { get; }

    /// <summary>How many entries have a name that does not look like a key name (never shown: it may be a pasted secret).</summary>
    public int UnnamedEntries { get; }

    /// <summary>Parses <paramref name="value"/>, read from the setting <paramref name="settingName"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is malformed; the message names the setting and the property.</exception>
    public static ServiceConnectionString Parse(string value, string settingName)
    {
        var pairs = Split(value, settingName, out var unnamedEntries);
        var unknown = new List<string>();
        foreach (var key in pairs.Keys)
        {
            if (!IsKnownKey(key))
            {
                unknown.Add(key);
            }
        }

        if (!pairs.TryGetValue("Endpoint", out var endpointText) || endpointText.Length == 0)
        {
            throw Error(ErrorMessages.MissingEndpoint, settingName);
        }

        var endpoint = ParseUri(endpointText, settingName, "Endpoint");
        if (pairs.TryGetValue("Port", out var portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535)
            {
                throw Error(ErrorMessages.InvalidPort, settingName);
            }

            endpoint = new UriBuilder(endpoint) { Port = port }.Uri;
        }

        if (pairs.TryGetValue("Version", out var version) && !VersionPattern.IsMatch(version))
        {
            throw Error(ErrorMessages.InvalidVersion, settingName);
        }

        var clientEndpoint = pairs.TryGetValue("ClientEndpoint", out var client) ? ParseUri(client, settingName, "ClientEndpoint") : null;
        var serverEndpoint = pairs.TryGetValue("ServerEndpoint", out var server) ? ParseUri(server, settingName, "ServerEndpoint") : null;
        var serviceEndpoint = new ServiceEndpoint(endpoint, clientEndpoint, serverEndpoint);

        if (pairs.TryGetValue("AccessKey", out var accessKey))
        {
            if (accessKey.Length > 0)
            {
                return new ServiceConnectionString(serviceEndpoint, accessKey, null, unknown, unnamedEntries);
            }

            // Only a non-empty AccessKey wins (README, "Connections"): with an AuthType, an empty one (a template's
            // placeholder) leaves the credential to the AuthType. Without one it is a key that was never pasted,
            // not a wish for DefaultAzureCredential: say so rather than sign in with whatever identity is around.
            if (!pairs.TryGetValue("AuthType", out var authType) || authType.Length == 0)
            {
                throw Error(ErrorMessages.EmptyAccessKey, settingName);
            }
        }

        var identity = ParseIdentity(pairs, settingName);
        if (serviceEndpoint.KeyRequestIsPlainHttpOffLoopback)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.IdentityRequiresHttps, settingName, serverEndpoint is null ? "Endpoint" : "ServerEndpoint"));
        }

        return new ServiceConnectionString(serviceEndpoint, null, identity, unknown, unnamedEntries);
    }

    private static Dictionary<string, string> Split(string value, string settingName, out int unnamedEntries)
    {
        unnamedEntries = 0;
        var entries = value.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries);
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry.Trim().Length == 0)
            {
                continue;
            }

            count++;
            var equals = entry.IndexOf('=');
            string key;
            string entryValue;
            if (equals < 0)
            {
                // A bare known key ('AccessKey' with no '=') is that key with an empty value, so 'AccessKey' is refused
                // as 'AccessKey=' is, instead of silently meaning DefaultAzureCredential. Other text without '=' is ignored.
                key = entry.Trim();
                if (!IsKnownKey(key))
                {
                    // 'AccessKey:<key>' (no '=' at all) is a mistyped entry, not text to ignore; never echoed.
                    var known = KnownKeyPrefix(key);
                    if (known is not null)
                    {
                        throw new ArgumentException(ErrorMessages.Format(ErrorMessages.MalformedKnownKey, settingName, known));
                    }

                    continue;
                }

                entryValue = string.Empty;
            }
            else
            {
                key = entry.Substring(0, equals).Trim();
                entryValue = entry.Substring(equals + 1).Trim();
            }

            if (!LooksLikeKeyName(key))
            {
                // Never echoed: text before the first '=' that is not a name may be a key or a secret.
                var known = KnownKeyPrefix(key);
                if (known is not null)
                {
                    throw new ArgumentException(ErrorMessages.Format(ErrorMessages.MalformedKnownKey, settingName, known));
                }

                unnamedEntries++;
                continue;
            }

            if (pairs.ContainsKey(key))
            {
                throw new ArgumentException(ErrorMessages.Format(ErrorMessages.DuplicateKey, settingName, key));
            }

            pairs.Add(key, entryValue);
        }

        if (count < 2)
        {
            throw Error(ErrorMessages.ConnectionStringTooShort, settingName);
        }

        return pairs;
    }

    /// <summary>A name as a person types one: a letter, then letters, digits, '_', '-' or '.', at most <see cref="MaxKeyNameLength"/> characters.</summary>
    private static bool LooksLikeKeyName(string key)
    {
        if (key.Length == 0 || key.Length > MaxKeyNameLength || !IsAsciiLetter(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!IsAsciiLetter(c) && (c < '0' || c > '9') && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The known key <paramref name="key"/> starts with, followed by a character that cannot be part of a name (e.g. 'AccessKey:…').</summary>
    private static string? KnownKeyPrefix(string key)
    {
        foreach (var known in KnownKeys)
        {
            if (key.Length > known.Length && key.StartsWith(known, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(key[known.Length]))
            {
                return known;
            }
        }

        return null;
    }

    private static bool IsKnownKey(string key) => Array.FindIndex(KnownKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) >= 0;

    private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static IdentityCredentialSpec ParseIdentity(Dictionary<string, string> pairs, string settingName)
    {
        pairs.TryGetValue("AuthType", out var authTypeText);
        pairs.TryGetValue("ClientId", out var clientId);
        pairs.TryGetValue("TenantId", out var tenantId);
        pairs.TryGetValue("ClientSecret", out var clientSecret);
        pairs.TryGetValue("ClientCert", out var clientCert);
        clientId = NullIfEmpty(clientId);
        tenantId = NullIfEmpty(tenantId);
        clientSecret = NullIfEmpty(clientSecret);
        clientCert = NullIfEmpty(clientCert);

        var authType = (authTypeText ?? string.Empty).ToLowerInvariant();
        switch (authType)
        {
            case "azure.msi":
                return IdentityCredentialSpec.ManagedIdentity(clientId);
            case "azure.app":
                return ServicePrincipal(settingName, "azure.app", clientId, tenantId, clientSecret, clientCert);
            case "aad":
                if (clientId is not null && (tenantId is not null || clientSecret is not null || clientCert is not null))
                {
                    return ServicePrincipal(settingName, "aad", clientId, tenantId, clientSecret, clientCert);
                }

                return IdentityCredentialSpec.ManagedIdentity(clientId);
            case "azure":
                return IdentityCredentialSpec.Default(recognised: true);
            default:
                // No or unknown AuthType: DefaultAzureCredential, as the SDK does.
                return IdentityCredentialSpec.Default(recognised: authType.Length == 0);
        }
    }

    private static IdentityCredentialSpec ServicePrincipal(string settingName, string authType, string? clientId, string? tenantId, string? clientSecret, string? clientCert)
    {
        if (clientId is null)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.AuthTypeMissingKey, settingName, authType, "ClientId"));
        }

        if (tenantId is null)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.AuthTypeMissingKey, settingName, authType, "TenantId"));
        }

        if (clientSecret is null && clientCert is null)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.AuthTypeMissingKey, settingName, authType, "ClientSecret or ClientCert"));
        }

        if (clientSecret is not null && clientCert is not null)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.AuthTypeSecretAndCert, settingName, authType));
        }

        return IdentityCredentialSpec.ServicePrincipal(clientId, tenantId, clientSecret, clientCert);
    }

    /// <summary>True when <paramref name="text"/> is an absolute http(s) URL without query, fragment or user info.</summary>
    internal static bool TryParseServiceUri(string text, out Uri uri)
    {
        return Uri.TryCreate(text, UriKind.Absolute, out uri!)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
    }

    private static Uri ParseUri(string text, string settingName, string property)
    {
        if (!TryParseServiceUri(text, out var uri))
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.InvalidEndpointUri, settingName, property));
        }

        return uri;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ArgumentException Error(string format, string settingName) => new(ErrorMessages.Format(format, settingName));
}
