using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// A local, token-validating stand-in for the client-facing half of Azure SignalR Service, for development and tests
/// with no Azure. It listens on 127.0.0.1 and serves, for any valid hub name:
/// <list type="bullet">
/// <item><c>POST /client/negotiate?hub={hub}&amp;negotiateVersion=1</c> and <c>/client/?hub={hub}&amp;id=…</c>: ASP.NET Core
/// SignalR (WebSockets, Server-Sent Events, long polling), every request carrying a token that is checked as the real
/// service checks it (HS256 with the UTF-8 key bytes, <c>exp</c>, <c>nbf</c>, <c>iss</c>, <c>aud</c> =
/// <c>http://{HostName}/client/?hub={lower hub}</c>); refusals are 401 (400 for a bad hub) with a short plain-text reason.</item>
/// <item><c>GET /api/v1/auth/accessKey</c>: issues Entra-style keys, then accepts tokens signed with them under <c>kid</c>.</item>
/// <item><c>HEAD /api/health</c> and <c>GET /api/health</c>: the health probe, no authentication; 200 while <see cref="Healthy"/>,
/// else <see cref="UnhealthyStatusCode"/>. Only the probe fails while unhealthy: the other routes keep working.</item>
/// </list>
/// The hub's methods and events are listed in <see cref="LocalServiceHubMethods"/> and <see cref="LocalServiceClientEvents"/>.
/// CORS (under <c>/client</c> only): local origins with credentials, any other origin without; the key endpoint refuses
/// browser requests (an <c>Origin</c> header) and a Host that is not this service. Tokens and keys are never logged.
/// </summary>
public sealed partial class LocalSignalRService : IAsyncDisposable
{
    /// <summary>The status the health probe answers while unhealthy when none is set: 503 Service Unavailable.</summary>
    public const int DefaultUnhealthyStatusCode = 503;

    private readonly WebApplication _app;
    private readonly LocalServiceState _state;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalSignalRService(WebApplication app, LocalServiceState state, ILogger logger, int port, string hostName, string accessKey)
    {
        _app = app;
        _state = state;
        _logger = logger;
        Port = port;
        HostName = hostName;
        AccessKey = accessKey;
        Endpoint = new Uri($"http://{hostName}:{port}/");
        ConnectionString = $"Endpoint=http://{hostName};Port={port};AccessKey={accessKey};Version=1.0;";
    }

    /// <summary>The port the service listens on (on 127.0.0.1), the chosen one when <see cref="LocalSignalRServiceOptions.Port"/> was 0.</summary>
    public int Port { get; }

    /// <summary>The host name of the endpoint, as in the connection string and the expected audience.</summary>
    public string HostName { get; }

    /// <summary>The main access key (configured or generated); tokens are signed with its UTF-8 bytes.</summary>
    public string AccessKey { get; }

    /// <summary>The service's base address, <c>http://{HostName}:{Port}/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The connection string to give the extension: <c>Endpoint=http://{HostName};Port={Port};AccessKey={AccessKey};Version=1.0;</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The clients connected now, in no particular order (a snapshot).</summary>
    public IReadOnlyList<LocalServiceConnection> Connections => _state.Connections;

    /// <summary>The distinct user ids (<c>asrs.s.uid</c>) of the clients connected now (a snapshot).</summary>
    public IReadOnlyCollection<string> ConnectedUserIds =>
        _state.Connections.Select(c => c.UserId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>How many requests <c>GET /api/v1/auth/accessKey</c> received, refused ones included.</summary>
    public int AccessKeyRequestCount => _state.AccessKeyRequestCount;

    /// <summary>
    /// Whether the health probe (<c>HEAD</c> and <c>GET /api/health</c>) answers 200 (true, the default unless
    /// <see cref="LocalSignalRServiceOptions.StartUnhealthy"/>) or <see cref="UnhealthyStatusCode"/> (false), so tests and
    /// developers can simulate an unhealthy instance. Only the probe fails: negotiation, client connections, the hub and
    /// <c>/api/v1/auth/accessKey</c> keep working. A change is logged (Information). Can be switched at any time, either way.
    /// </summary>
    public bool Healthy
    {
        get => _state.Healthy;
        set => Switched(_state.SetHealth(healthy: value));
    }

    /// <summary>
    /// The status the health probe answers while <see cref="Healthy"/> is false, between 400 and 599.
    /// Default <see cref="DefaultUnhealthyStatusCode"/> (503).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 400 and 599.</exception>
    public int UnhealthyStatusCode
    {
        get => _state.UnhealthyStatusCode;
        set => Switched(_state.SetHealth(unhealthyStatusCode: value is >= 400 and <= 599
            ? value
            : throw new ArgumentOutOfRangeException(nameof(UnhealthyStatusCode), value, LocalServiceMessages.UnhealthyStatusCodeOutOfRange)));
    }

    /// <summary>How many health probes (<c>HEAD</c> and <c>GET /api/health</c>) the service received, unhealthy answers included.</summary>
    public int HealthRequestCount => _state.HealthRequestCount;

    /// <summary>The KeyIds issued by <c>GET /api/v1/auth/accessKey</c> so far (a snapshot).</summary>
    public IReadOnlyCollection<string> IssuedKeyIds => _state.IssuedKeyIds;

    /// <summary>Starts a service as <paramref name="options"/> say and returns once it accepts connections.</summary>
    /// <param name="options">Port, access key, host name, clock skew, initial health, logging.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running service; dispose it to stop it.</returns>
    public static async Task<LocalSignalRService> StartAsync(LocalSignalRServiceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var accessKey = options.AccessKey ?? LocalServiceState.GenerateKey();
        var hostName = options.HostName;
        var state = new LocalServiceState(accessKey, healthy: !options.StartUnhealthy);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalSignalRService).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        var port = options.Port;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddRouting();
        builder.Services.AddCors();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, LocalServiceCorsPolicyProvider>();
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = true);
        builder.Services.AddSingleton<IUserIdProvider, AsrsUserIdProvider>();
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(new LocalServiceSettings(hostName));
        builder.Services.AddSingleton(new AccessTokenValidator(state, options.TimeProvider, options.ClockSkew));
        builder.Services.AddSingleton<AccessKeyEndpoint>();
        builder.Services.AddSingleton<HealthEndpoint>();
        options.ConfigureLogging?.Invoke(builder.Logging);

        // ASP.NET Core logs request lines, query strings (access_token) included, below Warning: keep them out.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Warning);

        var app = builder.Build();
        app.UseCors();
        app.UseMiddleware<ClientRequestAuthenticator>();
        app.UseRouting();
        app.MapHub<LocalServiceHub>(ClientRequestAuthenticator.ClientPath, o =>
            o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling);
        var accessKeyEndpoint = app.Services.GetRequiredService<AccessKeyEndpoint>();
        app.MapGet(AccessKeyEndpoint.Path, (RequestDelegate)accessKeyEndpoint.HandleAsync);
        var healthEndpoint = app.Services.GetRequiredService<HealthEndpoint>();
        app.MapMethods(HealthEndpoint.Path, [HttpMethods.Head, HttpMethods.Get], (RequestDelegate)healthEndpoint.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var logger = app.Services.GetRequiredService<ILogger<LocalSignalRService>>();
        var service = new LocalSignalRService(app, state, logger, address.Port, hostName, accessKey);
        Log.Started(logger, address.ToString(), service.Endpoint.ToString());
        if (options.StartUnhealthy)
        {
            Log.StartedUnhealthy(logger, state.HealthStatusCode);
        }

        return service;
    }

    /// <summary>The URL clients of <paramref name="hub"/> connect to: <c>http://{HostName}:{Port}/client/?hub={lower hub}</c>.</summary>
    /// <param name="hub">A hub name.</param>
    /// <returns>The client URL.</returns>
    public Uri GetClientUrl(string hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return new Uri(Endpoint, "client/?hub=" + HubNames.Normalize(hub));
    }

    /// <summary>The audience a token for <paramref name="hub"/> must carry: <c>http://{HostName}/client/?hub={lower hub}</c> (no port).</summary>
    /// <param name="hub">A hub name.</param>
    /// <returns>The expected <c>aud</c>.</returns>
    public string GetAudience(string hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return ClientRequestAuthenticator.Audience(HostName, HubNames.Normalize(hub));
    }

    private void Switched((int StatusCode, bool Changed) health)
    {
        if (health.Changed)
        {
            Log.HealthSwitched(_logger, health.StatusCode == StatusCodes.Status200OK ? "healthy" : "unhealthy", health.StatusCode);
        }
    }

    /// <summary>Stops the service: connected clients are closed; a health probe then fails to connect.</summary>
    /// <returns>A task that ends when the service has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
