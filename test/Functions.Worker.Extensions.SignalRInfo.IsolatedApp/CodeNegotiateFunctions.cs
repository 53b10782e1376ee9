using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Functions.Worker.Extensions.SignalRInfo;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
#if ASPNETCORE
using Microsoft.AspNetCore.Http;
#endif

namespace IsolatedApp;

/// <summary>Negotiating in code (README, "Negotiate in code"): no binding, the hub from the route, the user from the app.</summary>
public sealed class CodeNegotiateFunctions
{
    private readonly ISignalRNegotiator _negotiator;

    public CodeNegotiateFunctions(ISignalRNegotiator negotiator)
    {
        _negotiator = negotiator;
    }

    /// <summary>Both models: the hub from the route, the user id from the query, one claim of the app's choosing.</summary>
    [Function("CodeNegotiate")]
    public async Task<SignalRConnectionInfo> CodeNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "code/{hub}/negotiate")] HttpRequestData req,
        string hub)
    {
        var user = System.Web.HttpUtility.ParseQueryString(req.Url.Query)["user"];
        return await _negotiator.NegotiateAsync(hub, new SignalRNegotiateOptions
        {
            UserId = user,
            Claims = new[] { new Claim("plan", "free"), new Claim("seats", "3", ClaimValueTypes.Integer) },
        });
    }

#if ASPNETCORE
    /// <summary>
    /// ASP.NET Core integration: the function validates nothing itself; the user and claims come from
    /// <c>HttpContext.User</c>, which the app's authentication set. The hub comes from the route.
    /// </summary>
    [Function("PrincipalNegotiate")]
    public async Task<SignalRConnectionInfo> PrincipalNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "principal/{hub}/negotiate")] HttpRequest req,
        string hub)
    {
        var principal = req.HttpContext.User;
        return await _negotiator.NegotiateAsync(hub, new SignalRNegotiateOptions
        {
            UserId = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value,
            Claims = principal.Claims.Where(c => c.Type is ClaimTypes.Role or ClaimTypes.Email or "tier"),
        });
    }
#endif
}
