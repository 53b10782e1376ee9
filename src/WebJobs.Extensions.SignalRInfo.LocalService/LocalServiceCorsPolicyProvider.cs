using System.Threading.Tasks;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// CORS for <c>/client</c> only, without a credentialed wildcard: a page on a local origin (localhost, a loopback address,
/// the service's HostName; any port) gets its origin echoed with credentials, as the browser SignalR client's default
/// <c>withCredentials</c> needs; any other origin gets <c>*</c> without credentials (it can still connect with a token of
/// its own and <c>withCredentials: false</c>). The key endpoint gets no CORS at all.
/// </summary>
internal sealed class LocalServiceCorsPolicyProvider : ICorsPolicyProvider
{
    private readonly CorsPolicy _localOrigins;
    private readonly CorsPolicy _otherOrigins;
    private readonly string _hostName;

    public LocalServiceCorsPolicyProvider(LocalServiceSettings settings)
    {
        _hostName = settings.HostName;
        _localOrigins = new CorsPolicyBuilder().SetIsOriginAllowed(origin => LoopbackHosts.IsLocalOrigin(origin, _hostName)).AllowCredentials().AllowAnyHeader().AllowAnyMethod().Build();
        _otherOrigins = new CorsPolicyBuilder().AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod().Build();
    }

    /// <inheritdoc />
    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (!context.Request.Path.StartsWithSegments(ClientRequestAuthenticator.ClientPath))
        {
            return Task.FromResult<CorsPolicy?>(null);
        }

        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        return Task.FromResult<CorsPolicy?>(LoopbackHosts.IsLocalOrigin(origin, _hostName) ? _localOrigins : _otherOrigins);
    }
}
