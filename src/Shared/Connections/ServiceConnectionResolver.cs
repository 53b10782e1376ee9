using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// Turns a connection setting name into its <see cref="ServiceConnection"/>: key-based (<see cref="AccessKeyConnection"/>)
/// or identity-based (<see cref="IdentityConnection"/>), one decision behind <see cref="GetConnection"/>, and into the
/// set of instances it stands for with <c>Azure:SignalR:Endpoints</c> (<see cref="GetEndpoints"/>, which the host's
/// indexing-time validator, every invocation and every negotiator call use). A result is cached until the
/// configuration's reload token fires (a reloading provider, a rotated secret); the setting is then read again, and a
/// connection is rebuilt only when what it was built from changed. An identity connection gets the shared key
/// provider of its key endpoint + credential, whose key is fetched in the background as soon as the connection is
/// first resolved (at indexing, i.e. host start), so the first client does not wait.
/// </summary>
internal sealed partial class ServiceConnectionResolver
{
    private readonly ConnectionSettingReader _reader;
    private readonly ILogger _logger;
    private readonly IdentityKeyProviderRegistry _keyProviders;
    private readonly IServiceCredentialFactory _credentialFactory;
    private readonly NegotiateSettings _settings;
    private readonly Func<AzureEventSourceLogForwarder?>? _logForwarder;
    private readonly ConcurrentDictionary<string, CachedConnection> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, CachedEndpoints> _endpointCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, EndpointHealth> _health = new(StringComparer.Ordinal);
    private readonly IEndpointHealthProbe _probe;
    private readonly TimeProvider _timeProvider;
    private int _logForwarderStarted;
    private volatile CachedEndpoints? _lastEndpoints;

    public ServiceConnectionResolver(
        IConfiguration configuration,
        ILoggerFactory loggerFactory,
        IdentityKeyProviderRegistry keyProviders,
        IServiceCredentialFactory credentialFactory,
        NegotiateSettings settings,
        Func<AzureEventSourceLogForwarder?>? logForwarder = null,
        IEndpointHealthProbe? probe = null,
        TimeProvider? timeProvider = null)
    {
        _probe = probe ?? new HttpEndpointHealthProbe();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _reader = new ConnectionSettingReader(configuration);
        _logger = loggerFactory.CreateLogger(LogCategory.Name);
        _keyProviders = keyProviders;
        _credentialFactory = credentialFactory;
        _settings = settings;
        _logForwarder = logForwarder;
    }

    /// <summary>The defaults of every negotiation.</summary>
    public NegotiateSettings Settings => _settings;

    /// <summary>The extension's logger (for the issuer).</summary>
    internal ILogger Logger => _logger;

    /// <summary>The connection configured under <paramref name="settingName"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is missing, empty or an incomplete section.</exception>
    /// <exception cref="ArgumentException">The connection string or the section's URLs are malformed.</exception>
    public ServiceConnection GetConnection(string settingName)
    {
        if (_cache.TryGetValue(settingName, out var cached) && !cached.ReloadToken.HasChanged)
        {
            return cached.Connection;
        }

        lock (_cache)
        {
            if (_cache.TryGetValue(settingName, out cached) && !cached.ReloadToken.HasChanged)
            {
                return cached.Connection;
            }

            // The token is taken before the setting is read: a reload while reading fires it, and the next call reads again.
            var reloadToken = _reader.Configuration.GetReloadToken();
            if (!_reader.TryRead(settingName, out var source))
            {
                Evict(settingName);
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SettingNotFound, settingName));
            }

            return Resolve(settingName, source, reloadToken);
        }
    }

    /// <summary>
    /// The SignalR Service instances <paramref name="settingName"/> stands for (README, "Several SignalR Service
    /// instances"): the setting itself as an unnamed primary, if it is set, and every entry under
    /// <c>Azure:SignalR:Endpoints</c>; one per instance (the same instance twice is merged, with a warning), primaries
    /// first. Without entries it is the setting's one connection. Cached as <see cref="GetConnection"/> is.
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing is configured, or a setting or an entry is malformed (named).</exception>
    /// <exception cref="ArgumentException">A connection string or a section's URLs are malformed.</exception>
    public EndpointSet GetEndpoints(string settingName)
    {
        // A function asks with the same string each call: the last set answers without hashing the name.
        var last = _lastEndpoints;
        if (last is not null && ReferenceEquals(last.SettingName, settingName) && !last.ReloadToken.HasChanged)
        {
            return last.Endpoints;
        }

        if (_endpointCache.TryGetValue(settingName, out var cached) && !cached.ReloadToken.HasChanged)
        {
            _lastEndpoints = cached;
            return cached.Endpoints;
        }

        lock (_cache)
        {
            if (_endpointCache.TryGetValue(settingName, out cached) && !cached.ReloadToken.HasChanged)
            {
                return cached.Endpoints;
            }

            var reloadToken = _reader.Configuration.GetReloadToken();
            var entries = EndpointSettings.Read(_reader.Configuration);
            var all = new List<EndpointEntry>(entries.Count + 1);
            if (_reader.TryRead(settingName, out var main))
            {
                all.Add(new EndpointEntry(string.Empty, SignalREndpointType.Primary, settingName, main));
            }
            else
            {
                Evict(settingName);
                if (entries.Count == 0)
                {
                    EvictEntriesExcept(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SettingNotFound, settingName));
                }
            }

            all.AddRange(entries);
            var endpoints = new List<ConfiguredEndpoint>(all.Count);
            foreach (var type in new[] { SignalREndpointType.Primary, SignalREndpointType.Secondary })
            {
                foreach (var entry in all)
                {
                    if (entry.Type != type)
                    {
                        continue;
                    }

                    var connection = Resolve(entry.Path, entry.Source, reloadToken);
                    var identity = connection.Endpoint.Identity;
                    var same = endpoints.Find(e => e.Identity == identity);
                    if (same is not null)
                    {
                        Log.EndpointsMerged(_logger, same.Entry.Path, entry.Path, identity);
                        continue;
                    }

                    endpoints.Add(new ConfiguredEndpoint(entry, connection, Health(connection.Endpoint, entry), identity));
                }
            }

            // Entries that are gone (or merged away) no longer hold their key providers.
            var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var endpoint in endpoints)
            {
                kept.Add(endpoint.Entry.Path);
            }

            EvictEntriesExcept(kept);
            var set = new EndpointSet(endpoints);
            _endpointCache[settingName] = new CachedEndpoints(settingName, reloadToken, set);
            return set;
        }
    }

    /// <summary>The connection of one setting or entry, rebuilt only when what it is built from changed (under the cache lock).</summary>
    private ServiceConnection Resolve(string settingName, ConnectionSource source, Microsoft.Extensions.Primitives.IChangeToken reloadToken)
    {
        _cache.TryGetValue(settingName, out var cached);
        if (cached is not null && cached.Fingerprint == source.Fingerprint)
        {
            _cache[settingName] = new CachedConnection(reloadToken, source.Fingerprint, cached.Connection);
            return cached.Connection;
        }

        var connection = Create(settingName, source);
        _cache[settingName] = new CachedConnection(reloadToken, source.Fingerprint, connection);

        // A changed setting (reload, rotated secret) no longer uses its old key provider: release it, so that a
        // provider no setting uses stops refreshing instead of running for the life of the host.
        if (cached?.Connection is IdentityConnection old && (connection is not IdentityConnection current || !ReferenceEquals(current.Provider, old.Provider)))
        {
            _keyProviders.Release(old.Provider, settingName);
        }

        return connection;
    }

    /// <summary>Forgets a setting or entry that is no longer configured, releasing its key provider (under the cache lock).</summary>
    private void Evict(string path)
    {
        if (_cache.TryRemove(path, out var cached) && cached.Connection is IdentityConnection identity)
        {
            _keyProviders.Release(identity.Provider, path);
        }
    }

    /// <summary>Evicts every cached <c>Azure:SignalR:Endpoints</c> entry not in <paramref name="kept"/>.</summary>
    private void EvictEntriesExcept(HashSet<string> kept)
    {
        foreach (var path in _cache.Keys)
        {
            if (path.StartsWith(EndpointSettings.SectionPath + ":", StringComparison.OrdinalIgnoreCase) && !kept.Contains(path))
            {
                Evict(path);
            }
        }
    }

    /// <summary>One health state per instance and probe URL, kept across reloads (a changed URL or name gets a new one).</summary>
    private EndpointHealth Health(ServiceEndpoint endpoint, EndpointEntry entry) =>
        _health.GetOrAdd(endpoint.Identity + "\n" + endpoint.HealthUri.AbsoluteUri + "\n" + entry.Path, _ => new EndpointHealth(
            endpoint.HealthUri,
            entry.Describe(endpoint.Identity),
            _probe,
            _timeProvider,
            _logger,
            _settings.Routing.HealthProbeInterval,
            _settings.Routing.OfflineAfterFailures));

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
            SectionUri(section, settingName, ConnectionSettingReader.ServiceUriKey)!,
            SectionUri(section, settingName, ConnectionSettingReader.ClientEndpointKey),
            SectionUri(section, settingName, ConnectionSettingReader.ServerEndpointKey));
        if (endpoint.KeyRequestIsPlainHttpOffLoopback)
        {
            throw new ArgumentException(ErrorMessages.Format(ErrorMessages.SectionRequiresHttps, settingName, endpoint.ServerEndpoint is null ? ConnectionSettingReader.ServiceUriKey : ConnectionSettingReader.ServerEndpointKey));
        }

        return CreateIdentity(settingName, endpoint, IdentityCredentialSpec.ConfigurationSection(), section);
    }

    private IdentityConnection CreateIdentity(string settingName, ServiceEndpoint endpoint, IdentityCredentialSpec spec, IConfigurationSection? section)
    {
        // Azure.Identity's event-source logs reach the app's logging once an identity connection exists; an
        // access-key app never creates the forwarder (creating or disposing it loads Azure.Core).
        if (_logForwarder is not null && Interlocked.Exchange(ref _logForwarderStarted, 1) == 0)
        {
            _logForwarder()?.Start();
        }

        var provider = _keyProviders.GetProvider(endpoint.AccessKeyUri, ConnectionSettingReader.CredentialFingerprint(spec, section), () => CreateCredential(settingName, spec, section), settingName);
        Log.IdentityConnection(_logger, settingName, provider.CredentialDescription, endpoint.AccessKeyUri);
        provider.StartFetch(background: true);
        return new IdentityConnection(settingName, endpoint, provider, _settings);
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
}
