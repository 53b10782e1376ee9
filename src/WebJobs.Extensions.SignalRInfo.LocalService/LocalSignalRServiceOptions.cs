using System;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>How to start a <see cref="LocalSignalRService"/>.</summary>
public sealed class LocalSignalRServiceOptions
{
    /// <summary>The port used when none is given: 8888.</summary>
    public const int DefaultPort = 8888;

    /// <summary>The host name used when none is given: <c>localhost</c>.</summary>
    public const string DefaultHostName = "localhost";

    /// <summary>The clock skew allowed on <c>exp</c> and <c>nbf</c> when none is given: 5 seconds.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>The largest clock skew accepted: 30 seconds.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    private int _port = DefaultPort;
    private string? _accessKey;
    private string _hostName = DefaultHostName;
    private TimeSpan _clockSkew = DefaultClockSkew;
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>The port to listen on, on 127.0.0.1 only; 0 picks any free port (read the chosen one from <see cref="LocalSignalRService.Port"/>). Default 8888.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 65535.</exception>
    public int Port
    {
        get => _port;
        set => _port = value is >= 0 and <= 65535 ? value : throw new ArgumentOutOfRangeException(nameof(Port), value, LocalServiceMessages.PortOutOfRange);
    }

    /// <summary>
    /// The access key tokens are signed with (its UTF-8 bytes, never base64-decoded); null (the default) generates
    /// 32 random bytes, base64. Surrounding white space is removed, as the extension trims connection string values.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or contains ';' (it could not be written in a connection string).</exception>
    public string? AccessKey
    {
        get => _accessKey;
        set => _accessKey = value is null || (!string.IsNullOrWhiteSpace(value) && value.IndexOf(';') < 0)
            ? value?.Trim()
            : throw new ArgumentException(LocalServiceMessages.AccessKeyEmpty, nameof(AccessKey));
    }

    /// <summary>
    /// The host name of the endpoint: written into the connection string (<c>Endpoint=http://{HostName};Port=…</c>) and
    /// into the audience tokens must carry (<c>http://{HostName}/client/?hub={hub}</c>), lower-cased as the extension
    /// writes it (host names are case-insensitive). Default <c>localhost</c>.
    /// The service listens on 127.0.0.1 whatever the name.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a DNS host name or an IPv4 address.</exception>
    public string HostName
    {
        get => _hostName;
        set => _hostName = value is not null && Uri.CheckHostName(value) is UriHostNameType.Dns or UriHostNameType.IPv4
            ? value.ToLowerInvariant()
            : throw new ArgumentException(LocalServiceMessages.HostNameInvalid, nameof(HostName));
    }

    /// <summary>The clock skew allowed on <c>exp</c> and <c>nbf</c>, between 0 and 30 seconds. Default 5 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 30 seconds.</exception>
    public TimeSpan ClockSkew
    {
        get => _clockSkew;
        set => _clockSkew = value >= TimeSpan.Zero && value <= MaxClockSkew ? value : throw new ArgumentOutOfRangeException(nameof(ClockSkew), value, LocalServiceMessages.ClockSkewOutOfRange);
    }

    /// <summary>The clock tokens are checked against. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(TimeProvider));
    }

    /// <summary>
    /// Starts the service unhealthy: its health probe (<c>HEAD</c> and <c>GET /api/health</c>) answers
    /// <see cref="LocalSignalRService.DefaultUnhealthyStatusCode"/> (503) until <see cref="LocalSignalRService.Healthy"/> is set to true.
    /// Only the probe fails; every other route works. Default false.
    /// </summary>
    public bool StartUnhealthy { get; set; }

    /// <summary>
    /// Adds logging providers and filters (none by default). Whatever is configured here, ASP.NET Core's own categories stay
    /// at Warning and above, because their request logs would show the <c>access_token</c> query parameter.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
