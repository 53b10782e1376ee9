using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Decides, for a connection setting name, which connection it is (PROTOCOL.md §2): a connection string
/// (<c>ConnectionStrings:&lt;name&gt;</c>, then <c>&lt;name&gt;</c>, then <c>AzureWebJobs&lt;name&gt;</c>) or a
/// section with a <c>serviceUri</c> child (identity). The indexing-time validator and every invocation call the
/// same <see cref="GetConnection"/>, and its result is cached until the setting's value changes.
/// </summary>
internal sealed partial class ServiceConnectionResolver
{
    private const string WebJobsPrefix = "AzureWebJobs";
    private const string ServiceUriKey = "serviceUri";

    private readonly IConfiguration _configuration;
    private readonly INameResolver _nameResolver;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CachedConnection> _cache = new(StringComparer.OrdinalIgnoreCase);

    public ServiceConnectionResolver(IConfiguration configuration, INameResolver nameResolver, ILoggerFactory loggerFactory)
    {
        _configuration = configuration;
        _nameResolver = nameResolver;
        _logger = loggerFactory.CreateLogger(LogCategories.CreateTriggerCategory("SignalRInfo"));
    }

    /// <summary>
    /// The setting name a binding's ConnectionStringSetting stands for: the default when empty, the app setting's
    /// value for a <c>%name%</c> form, else the name itself.
    /// </summary>
    public string ResolveSettingName(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return SignalRConnectionInfoAttribute.DefaultConnectionStringSetting;
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
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    /// <exception cref="NotSupportedException">The connection is identity-based.</exception>
    public ServiceConnection GetConnection(string settingName)
    {
        var source = ReadSource(settingName);
        if (_cache.TryGetValue(settingName, out var cached) && cached.Fingerprint == source.Fingerprint)
        {
            return cached.Connection;
        }

        var connection = Create(settingName, source);
        _cache[settingName] = new CachedConnection(source.Fingerprint, connection);
        return connection;
    }

    private ServiceConnection Create(string settingName, ConnectionSource source)
    {
        if (source.ConnectionString is null)
        {
            throw new NotSupportedException(ErrorMessages.Format(ErrorMessages.IdentityNotSupported, settingName));
        }

        var parsed = ServiceConnectionString.Parse(source.ConnectionString, settingName);
        foreach (var key in parsed.UnknownKeys)
        {
            Log.UnknownConnectionStringKey(_logger, settingName, key);
        }

        if (parsed.AccessKey is not null)
        {
            return new AccessKeyConnection(settingName, parsed.Endpoint, parsed.AccessKey);
        }

        if (!parsed.Identity!.RecognisedAuthType)
        {
            Log.UnknownAuthType(_logger, settingName);
        }

        throw new NotSupportedException(ErrorMessages.Format(ErrorMessages.IdentityNotSupported, settingName));
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
