using Microsoft.Extensions.Configuration;

namespace SignalRInfo.Core;

/// <summary>
/// What a connection setting holds: a connection string or a section with <c>serviceUri</c>, and a fingerprint that
/// changes when anything the connection is built from changes.
/// </summary>
internal readonly struct ConnectionSource
{
    public ConnectionSource(string? connectionString, IConfigurationSection? section, string fingerprint)
    {
        ConnectionString = connectionString;
        Section = section;
        Fingerprint = fingerprint;
    }

    /// <summary>The connection string, or null for a section.</summary>
    public string? ConnectionString { get; }

    /// <summary>The identity section, or null for a connection string.</summary>
    public IConfigurationSection? Section { get; }

    /// <summary>Equal for equal settings (it may hold secrets: it is compared, never shown).</summary>
    public string Fingerprint { get; }
}
