using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The service's Entra key endpoint on 127.0.0.1 (README, "Microsoft Entra ID"): <c>GET /api/v1/auth/accessKey</c> with the
/// bearer token answers <c>{"KeyId","AccessKey"}</c> after a fixed delay standing in for the service's latency,
/// and counts the requests it receives.
/// </summary>
internal sealed class LoopbackKeyEndpoint : IAsyncDisposable
{
    public const string KeyId = "benchmark-entra-kid";
    public const string AccessKey = "EntraKey0123456789abcdefghijklmnopqrstuvwxyz=";

    private readonly WebApplication _app;
    private int _requests;

    private LoopbackKeyEndpoint(WebApplication app) => _app = app;

    /// <summary>The service endpoint, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Key requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackKeyEndpoint> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new LoopbackKeyEndpoint(app);
        app.MapGet("/api/v1/auth/accessKey", async (HttpContext context) =>
        {
            Interlocked.Increment(ref endpoint._requests);
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + FakeTokenCredential.TokenValue || context.Request.QueryString.HasValue)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            await Task.Delay(latency).ConfigureAwait(false);
            return Results.Text("{\"KeyId\":\"" + KeyId + "\",\"AccessKey\":\"" + AccessKey + "\"}", "application/json");
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Endpoint = new Uri(address);
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
