using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// <c>GET /api/v1/auth/accessKey</c> (README, "Microsoft Entra ID"): with any non-empty <c>Authorization: Bearer …</c> (no Entra here to
/// check it against), issues a new key, remembers it under its KeyId and answers <c>{"KeyId":"…","AccessKey":"…"}</c>.
/// Only an app's server side gets a key: a request with an <c>Origin</c> header (a browser page) or whose Host is not this
/// service (a DNS-rebinding page) is refused with 403, and the endpoint has no CORS.
/// </summary>
internal sealed partial class AccessKeyEndpoint
{
    public const string Path = "/api/v1/auth/accessKey";

    private readonly LocalServiceState _state;
    private readonly ILogger _logger;
    private readonly string _hostName;

    public AccessKeyEndpoint(LocalServiceState state, LocalServiceSettings settings, ILogger<AccessKeyEndpoint> logger)
    {
        _state = state;
        _hostName = settings.HostName;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        _state.CountAccessKeyRequest();
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        var browser = context.Request.Headers.ContainsKey(HeaderNames.Origin);
        if (browser || !LoopbackHosts.IsLocal(context.Request.Host.Host, _hostName))
        {
            Log.AccessKeyForbidden(_logger, browser ? "Origin header" : "foreign Host");
            response.StatusCode = StatusCodes.Status403Forbidden;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(browser ? LocalServiceMessages.AccessKeyFromBrowser : LocalServiceMessages.AccessKeyWrongHost, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (BearerToken.FromHeader(context.Request) is null)
        {
            Log.AccessKeyRefused(_logger);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.ContentType = "text/plain; charset=utf-8";
            response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            await response.WriteAsync(LocalServiceMessages.AccessKeyMissingBearer, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (keyId, accessKey) = _state.IssueKey();
        Log.AccessKeyIssued(_logger, keyId);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("KeyId", keyId);
            json.WriteString("AccessKey", accessKey);
            json.WriteEndObject();
            await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
