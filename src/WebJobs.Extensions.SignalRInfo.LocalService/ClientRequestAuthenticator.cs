using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// Guards every request under <c>/client</c> (negotiate, connect, polls): the <c>hub</c> query parameter must be a valid
/// hub name (else 400), and the token (header, else <c>access_token</c>) must be valid for
/// <c>http://{HostName}/client/?hub={lower hub}</c> (else 401). Refusals are a short plain-text reason, never the token.
/// </summary>
internal sealed partial class ClientRequestAuthenticator
{
    public const string ClientPath = "/client";

    private readonly RequestDelegate _next;
    private readonly AccessTokenValidator _validator;
    private readonly string _hostName;
    private readonly ILogger _logger;

    public ClientRequestAuthenticator(RequestDelegate next, AccessTokenValidator validator, LocalServiceSettings settings, ILogger<ClientRequestAuthenticator> logger)
    {
        _next = next;
        _validator = validator;
        _hostName = settings.HostName;
        _logger = logger;
    }

    /// <summary>The audience a token for <paramref name="lowerHub"/> must carry: scheme and host of the endpoint, no port.</summary>
    public static string Audience(string hostName, string lowerHub) => $"http://{hostName}/client/?hub={lowerHub}";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ClientPath))
        {
            return _next(context);
        }

        var hubValues = context.Request.Query["hub"];
        if (hubValues.Count > 1)
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, null, LocalServiceMessages.RepeatedHub);
        }

        var hub = hubValues.Count == 1 ? hubValues[0] : null;
        if (string.IsNullOrEmpty(hub))
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, null, LocalServiceMessages.MissingHub);
        }

        if (!HubNames.IsValid(hub))
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, null, LocalServiceMessages.InvalidHub(hub));
        }

        var lowerHub = HubNames.Normalize(hub);
        var token = BearerToken.FromHeaderOrQuery(context.Request);
        if (token is null)
        {
            return RefuseAsync(context, StatusCodes.Status401Unauthorized, lowerHub, LocalServiceMessages.MissingToken);
        }

        var outcome = _validator.Validate(token, Audience(_hostName, lowerHub));
        if (outcome.Principal is null)
        {
            return RefuseAsync(context, StatusCodes.Status401Unauthorized, lowerHub, outcome.Error!);
        }

        context.User = outcome.Principal;
        return _next(context);
    }

    private Task RefuseAsync(HttpContext context, int status, string? hub, string reason)
    {
        Log.Refused(_logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, hub ?? string.Empty, status, reason);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"invalid_token\"";
        }

        return response.WriteAsync(reason);
    }
}
