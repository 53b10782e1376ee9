using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace SignalRInfo.Core;

/// <summary>
/// Reads a connection setting from configuration (README, "Connections"): a connection string
/// (<c>ConnectionStrings:&lt;name&gt;</c>, then <c>&lt;name&gt;</c>, then <c>AzureWebJobs&lt;name&gt;</c>) or a section
/// with a <c>serviceUri</c> child (identity), and fingerprints what it read.
/// </summary>
internal sealed class ConnectionSettingReader
{
    public const string ServiceUriKey = "serviceUri";
    public const string ClientEndpointKey = "clientEndpoint";
    public const string ServerEndpointKey = "serverEndpoint";
    private const string WebJobsPrefix = "AzureWebJobs";

    private readonly IConfiguration _configuration;

    public ConnectionSettingReader(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    /// <summary>The configuration read from: its reload token tells when to read again.</summary>
    public IConfiguration Configuration => _configuration;

    /// <summary>What <paramref name="settingName"/> holds.</summary>
    /// <exception cref="InvalidOperationException">The setting is missing, empty or a section without serviceUri.</exception>
    public ConnectionSource Read(string settingName) =>
        TryRead(settingName, out var source) ? source : throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SettingNotFound, settingName));

    /// <summary>What <paramref name="settingName"/> holds, or false when nothing is configured under it.</summary>
    /// <exception cref="InvalidOperationException">The setting is empty or a section without serviceUri.</exception>
    public bool TryRead(string settingName, out ConnectionSource source)
    {
        var value = _configuration.GetConnectionString(settingName) ?? _configuration[settingName] ?? _configuration[WebJobsPrefix + settingName];
        if (value is not null)
        {
            if (value.Trim().Length == 0)
            {
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SettingEmpty, settingName));
            }

            source = new ConnectionSource(value, null, value);
            return true;
        }

        foreach (var name in new[] { settingName, WebJobsPrefix + settingName })
        {
            var section = _configuration.GetSection(name);
            if (!string.IsNullOrWhiteSpace(section[ServiceUriKey]))
            {
                source = new ConnectionSource(null, section, SectionFingerprint(section));
                return true;
            }
        }

        if (_configuration.GetSection(settingName).GetChildren().Any())
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.SectionWithoutServiceUri, settingName));
        }

        source = default;
        return false;
    }

    /// <summary>
    /// A fingerprint of what identifies a credential (the connection string's identity keys, or a section's keys but
    /// the endpoints), hashed so that no secret is kept in it: equal fingerprints share one key provider.
    /// </summary>
    public static string CredentialFingerprint(IdentityCredentialSpec spec, IConfigurationSection? section)
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

    /// <summary>A fingerprint of everything in a section (it may hold secrets: compared, never shown).</summary>
    public static string SectionFingerprint(IConfigurationSection section)
    {
        var text = new StringBuilder("section:");
        foreach (var pair in section.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        }

        return text.ToString();
    }
}
