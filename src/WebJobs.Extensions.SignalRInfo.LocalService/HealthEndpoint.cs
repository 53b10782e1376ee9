using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// <c>HEAD /api/health</c> and <c>GET /api/health</c>, the probe Azure SignalR Service answers on its server endpoint: no
/// authentication; 200 while the service is healthy, else its unhealthy status code (503 unless set). HEAD has an empty
/// body (and the headers GET would have, Content-Length included); GET answers <c>{"status":"healthy"}</c> or <c>{"status":"unhealthy"}</c>. Every probe is counted, refused or not.
/// Only this probe reflects the health: the client hub and the key endpoint keep working.
/// </summary>
internal sealed partial class HealthEndpoint
{
    public const string Path = "/api/health";

    public const string HealthyBody = "{\"status\":\"healthy\"}";

    public const string UnhealthyBody = "{\"status\":\"unhealthy\"}";

    private static readonly byte[] HealthyBytes = Encoding.UTF8.GetBytes(HealthyBody);
    private static readonly byte[] UnhealthyBytes = Encoding.UTF8.GetBytes(UnhealthyBody);

    private readonly LocalServiceState _state;
    private readonly ILogger _logger;

    public HealthEndpoint(LocalServiceState state, ILogger<HealthEndpoint> logger)
    {
        _state = state;
        _logger = logger;
    }

    public Task HandleAsync(HttpContext context)
    {
        _state.CountHealthRequest();
        var status = _state.HealthStatusCode;
        var method = context.Request.Method;
        Log.Probed(_logger, method, status);
        var body = status == StatusCodes.Status200OK ? HealthyBytes : UnhealthyBytes;
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(method))
        {
            return Task.CompletedTask;
        }

        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
