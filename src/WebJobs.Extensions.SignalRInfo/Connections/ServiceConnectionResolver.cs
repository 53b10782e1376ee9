using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Decides, for a connection setting name, which connection it is (README, "Connections"): a connection string
/// (<c>ConnectionStrings:&lt;name&gt;</c>, then <c>&lt;name&gt;</c>, then <c>AzureWebJobs&lt;name&gt;</c>) or a
/// section with a <c>serviceUri</c> child (identity). The indexing-time validator and every invocation call the
/// same <see cref="GetConnection"/>, and its result is cached until the setting's value changes. An identity
/// connection gets the shared key provider of its key endpoint + credential, whose key is fetched in the background
/// as soon as the connection is first resolved (at indexing, i.e. host start), so the first client does not wait.
/// </summary>
internal sealed partial class ServiceConnectionResolver
{
    private const string WebJobsPrefix = "AzureWebJobs";
    private const string ServiceUriKey = "serviceUri";
    private const string ClientEndpointKey = "clientEndpoint";
    private const string ServerEndpointKey = "serverEndpoint";

    private readonly IConfiguration _configuration;
    private readonly INameResolver _nameResolver;
    private readonly ILogger _logger;
    private readonly IdentityKeyProviderRegistry _keyProviders;
    private readonly IServiceCredentialFactory _credentialFactory;
    private readonly IOptions<SignalRInfoOptions> _options;
    private readonly ConcurrentDictionary<string, CachedConnection> _cache = new(StringComparer.OrdinalIgnoreCase);

    public ServiceConnectionResolver(
        IConfiguration configuration,
        INameResolver nameResolver,
        ILoggerFactory loggerFactory,
        IdentityKeyProviderRegistry keyProviders,
        IServiceCredentialFactory credentialFactory,
        IOptions<SignalRInfoOptions> options)
    {
        _configuration = configuration;
        _nameResolver = nameResolver;
        _logger = loggerFactory.CreateLogger(LogCategories.CreateTriggerCategory("SignalRInfo"));
        _keyProviders = keyProviders;
        _credentialFactory = credentialFactory;
        _options = options;
    }

    /// <summary>
    /// The setting name a binding's ConnectionStringSetting stands for: the default when empty, the app setting's
    /// value for a <c>%name%</c> form, else the name itself.
    /// </summary>
    public string ResolveSettingName(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return SignalRConnectionInfoAttributeBase.DefaultConnectionStringSetting;
        }

        var name = configured!.Trim();
        if (name.Length > 2 && name[0] == '%' && name[name.Length - 1] == '%')
        {
            var resolved = _nameResolver.Resolve(name.Substring(1, name.Length - 2));
            if (string.IsNullOrWhiteSpace(resolved))
            {
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.ConnectionSettingNameUnresolved, name));
            }

            return resolved.Trim();
        }

        return name;
    }

    /// <summary>The connection configured under <paramref name="settingName"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is missing, empty or an incomplete section.</exception>
    /// <exception cref="ArgumentException">The connection string or the section's URLs are malformed.</exception>
    public ServiceConnection GetConnection(string settingName)
    {
        var source = ReadSource(settingName);
        if (_cache.TryGetValue(settingName, out var cached) && cached.Fingerprint == source.Fingerprint)
        {
            return cached.Connection;
        }

        lock (_cache)
        {
            if (_cache.TryGetValue(settingName, out cached) && cached.Fingerprint == source.Fingerprint)
            {
                return cached.Connection;
            }

            var connection = Create(settingName, source);
            _cache[settingName] = new CachedConnection(source.Fingerprint, connection);

            // A changed setting (reload, rotated secret) no longer uses its old key provider: release it, so that a
            // provider no setting uses stops refreshing instead of running for the life of the host.
            if (cached?.Connection is IdentityConnection old && (connection is not IdentityConnection current || !ReferenceEquals(current.Provider, old.Provider)))
            {
                _keyProviders.Release(old.Provider, settingName);
            }

            return connection;
        }
    }

    private ServiceConnection Create(string settingName, ConnectionSource source)
    {
        if (source.ConnectionString is null)
        {
            return CreateFromSection(settingName, source.Section!);
        }

        var parsed = ServiceConnectionString.Parse(source.ConnectionString, settingName);
        foreach (var key in parsed.UnknownKeys)
        {
            Log.UnknownConnectionStringKey(_logger, settingName, key);
        }

        if (parsed.UnnamedEntries > 0)
        {
            Log.UnnamedConnectionStringEntries(_logger, settingName, parsed.UnnamedEntries);
        }

        if (parsed.AccessKey is not null)
        {
            return new AccessKeyConnection(settingName, parsed.Endpoint, parsed.AccessKey);
        }

        if (!parsed.Identity!.RecognisedAuthType)
        {
            Log.UnknownAuthType(_logger, settingName);
        }

        return CreateIdentity(settingName, parsed.Endpoint, parsed.Identity, null);
    }

    private IdentityConnection CreateFromSection(string settingName, IConfigurationSection section)
    {
        var endpoint = new ServiceEndpoint(
            SectionUri(section, settingName, ServiceUriKey)!,
            SectionUri(section, settingName, ClientEndpointKey),
            SectionUri(section, settingName, ServerEndpointKey));
        if (endpoint.KeyRequestIsPlainHttpOffLoopback)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.SectionRequiresHttps, settingName, endpoint.ServerEndpoint is null ? ServiceUriKey : ServerEndpointKey));
        }

        return CreateIdentity(settingName, endpoint, IdentityCredentialSpec.ConfigurationSection(), section);
    }

    private IdentityConnection CreateIdentity(string settingName, ServiceEndpoint endpoint, IdentityCredentialSpec spec, IConfigurationSection? section)
    {
        var provider = _keyProviders.GetProvider(endpoint.AccessKeyUri, CredentialIdentity(spec, section), () => CreateCredential(settingName, spec, section), settingName);
        Log.IdentityConnection(_logger, settingName, provider.CredentialDescription, endpoint.AccessKeyUri);
        provider.StartFetch(background: true);
        return new IdentityConnection(settingName, endpoint, provider, _options);
    }

    private (TokenCredential Credential, string Description) CreateCredential(string settingName, IdentityCredentialSpec spec, IConfigurationSection? section)
    {
        TokenCredential credential;
        try
        {
            credential = _credentialFactory.CreateCredential(spec, section);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.CredentialCreationFailed, settingName, spec.Description, ex.Message.TrimEnd('.')), ex);
        }

        var description = section is null
            ? spec.Description
            : credential.GetType().Name + " built by AzureComponentFactory from configuration section '" + section.Path + "'";
        return (credential, description);
    }

    /// <summary>A fingerprint of what identifies the credential, hashed so that no secret is kept in it.</summary>
    private static string CredentialIdentity(IdentityCredentialSpec spec, IConfigurationSection? section)
    {
        var text = new StringBuilder();
        if (section is null)
        {
            text.Append(spec.Kind).Append('\n').Append(spec.ClientId).Append('\n').Append(spec.TenantId).Append('\n')
                .Append(spec.ClientSecret).Append('\n').Append(spec.ClientCertificatePath);
        }
        else
        {
            var prefix = section.Path + ConfigurationPath.KeyDelimiter;
            foreach (var pair in section.AsEnumerable().OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                var key = pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? pair.Key.Substring(prefix.Length) : pair.Key;
                if (pair.Value is null || IsEndpointKey(key))
                {
                    continue;
                }

                text.Append(key.ToLowerInvariant()).Append('=').Append(pair.Value).Append('\n');
            }
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        return BitConverter.ToString(hash).Replace("-", string.Empty);
    }

    private static bool IsEndpointKey(string key) =>
        string.Equals(key, ServiceUriKey, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, ClientEndpointKey, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, ServerEndpointKey, StringComparison.OrdinalIgnoreCase);

    private static Uri? SectionUri(IConfigurationSection section, string settingName, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!ServiceConnectionString.TryParseServiceUri(text!.Trim(), out var uri))
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.SectionInvalidUri, settingName, key));
        }

        return uri;
    }

    private ConnectionSource ReadSource(string settingName)
    {
        var value = _configuration.GetConnectionString(settingName) ?? _configuration[settingName] ?? _configuration[WebJobsPrefix + settingName];
        if (value is not null)
        {
            if (value.Trim().Length == 0)
            {
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SettingEmpty, settingName));
            }

            return new ConnectionSource(value, null, value);
        }

        foreach (var name in new[] { settingName, WebJobsPrefix + settingName })
        {
            var section = _configuration.GetSection(name);
            if (!string.IsNullOrWhiteSpace(section[ServiceUriKey]))
            {
                return new ConnectionSource(null, section, Fingerprint(section));
            }
        }

        if (_configuration.GetSection(settingName).GetChildren().Any())
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SectionWithoutServiceUri, settingName));
        }

        throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SettingNotFound, settingName));
    }

    private static string Fingerprint(IConfigurationSection section)
    {
        var text = new StringBuilder("section:");
        foreach (var pair in section.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        }

        return text.ToString();
    }

    private readonly struct ConnectionSource
    {
        public ConnectionSource(string? connectionString, IConfigurationSection? section, string fingerprint)
        {
            ConnectionString = connectionString;
            Section = section;
            Fingerprint = fingerprint;
        }

        public string? ConnectionString { get; }

        public IConfigurationSection? Section { get; }

        public string Fingerprint { get; }
    }

    private sealed class CachedConnection
    {
        public CachedConnection(string fingerprint, ServiceConnection connection)
        {
            Fingerprint = fingerprint;
            Connection = connection;
        }

        public string Fingerprint { get; }

        public ServiceConnection Connection { get; }
    }
}
