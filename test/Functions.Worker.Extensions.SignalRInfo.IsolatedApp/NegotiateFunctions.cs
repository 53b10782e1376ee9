using System.Threading.Tasks;
using Functions.Worker.Extensions.SignalRInfo;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
#if ASPNETCORE
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
#endif

namespace IsolatedApp;

/// <summary>The other shapes a negotiate function takes: the POCO, the JSON helper, the unique binding type, claims.</summary>
public static class NegotiateFunctions
{
    /// <summary>Returns the POCO; hub "chat", user from the query. The chat clients negotiate here (route chat/negotiate).</summary>
    [Function("ChatNegotiate")]
    public static SignalRConnectionInfo ChatNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "chat/negotiate")] HttpRequestData req,
        [SignalRConnectionInfoInput(HubName = "chat", UserId = "{query.user}")] SignalRConnectionInfo connectionInfo)
    {
        return connectionInfo;
    }

    /// <summary>The binding bound as a string and returned as it is (hub "chat", user from the query).</summary>
    [Function("ChatNegotiateString")]
    public static string ChatNegotiateString(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "chatstring/negotiate")] HttpRequestData req,
        [SignalRConnectionInfoInput(HubName = "chat", UserId = "{query.user}")] string connectionInfo)
    {
        return connectionInfo;
    }

    /// <summary>The JSON helper for HttpResponseData (both models).</summary>
    [Function("HelperNegotiate")]
    public static Task<HttpResponseData> HelperNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "helper/negotiate")] HttpRequestData req,
        [SignalRConnectionInfoInput(HubName = "chat", UserId = "{query.user}")] SignalRConnectionInfo connectionInfo)
    {
        return req.CreateNegotiateResponseAsync(connectionInfo);
    }

    /// <summary>The binding type only this extension uses (signalRInfo), with claims copied from an ID token header.</summary>
    [Function("UniqueNegotiate")]
    public static SignalRConnectionInfo UniqueNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unique/negotiate")] HttpRequestData req,
        [SignalRInfoInput(HubName = "{query.hub}", UserId = "{query.user}", IdToken = "{headers.x-ms-token-aad-id-token}", ClaimTypeList = new[] { "name", "email" }, TokenLifetimeSeconds = 600)] SignalRConnectionInfo connectionInfo)
    {
        return connectionInfo;
    }

    /// <summary>A negotiate function bound to the POCO that returns a string of its own: never touched (and never an error).</summary>
    [Function("PocoReturnsText")]
    public static string PocoReturnsText(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "pocotext/negotiate")] HttpRequestData req,
        [SignalRConnectionInfoInput(HubName = "chat")] SignalRConnectionInfo connectionInfo)
    {
        return "own text for " + connectionInfo.Url;
    }

    /// <summary>Several instances: a token per instance (the host lists the setting and Azure:SignalR:Endpoints).</summary>
    [Function("NegotiationContext")]
    public static SignalRNegotiationContext NegotiationContext(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "negotiation")] HttpRequestData req,
        [SignalRNegotiationInput(HubName = "chat", UserId = "{query.user}")] SignalRNegotiationContext context)
    {
        return context;
    }

    /// <summary>The instances with their health, bound as a string (the host's compact JSON).</summary>
    [Function("Endpoints")]
    public static string Endpoints(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "endpoints")] HttpRequestData req,
        [SignalREndpointsInput] string endpoints)
    {
        return endpoints;
    }

    /// <summary>A function without our binding: its string return value is never touched.</summary>
    [Function("Plain")]
    public static string Plain([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plain")] HttpRequestData req)
    {
        return "plain text";
    }

#if ASPNETCORE
    /// <summary>Returns an IActionResult: the ASP.NET Core integration writes it; our package leaves it alone.</summary>
    [Function("ActionResultNegotiate")]
    public static IActionResult ActionResultNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "actionresult/negotiate")] HttpRequest req,
        [SignalRConnectionInfoInput(HubName = "chat")] SignalRConnectionInfo connectionInfo)
    {
        return new ContentResult { StatusCode = 202, ContentType = "text/plain", Content = "action result for " + connectionInfo.Url };
    }

    /// <summary>The Learn page's other ASP.NET Core answer: an OkObjectResult, written by the integration (camelCase JSON).</summary>
    [Function("OkObjectResultNegotiate")]
    public static IActionResult OkObjectResultNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "okobject/negotiate")] HttpRequest req,
        [SignalRConnectionInfoInput(HubName = "chat", UserId = "{query.user}")] SignalRConnectionInfo connectionInfo)
    {
        return new OkObjectResult(connectionInfo);
    }

    /// <summary>Sets a status of its own without writing, then returns the binding's string: the status stays.</summary>
    [Function("StatusOnlyNegotiate")]
    public static string StatusOnlyNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "statusonly/negotiate")] HttpRequest req,
        [SignalRConnectionInfoInput(HubName = "chat")] string connectionInfo)
    {
        req.HttpContext.Response.StatusCode = 202;
        return connectionInfo;
    }

    /// <summary>Writes its own response, then returns the binding's string: the written response stays as it is.</summary>
    [Function("OwnResponseNegotiate")]
    public static async Task<string> OwnResponseNegotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "ownresponse/negotiate")] HttpRequest req,
        [SignalRConnectionInfoInput(HubName = "chat")] string connectionInfo)
    {
        req.HttpContext.Response.StatusCode = 203;
        req.HttpContext.Response.ContentType = "text/plain";
        await req.HttpContext.Response.WriteAsync("written by the function");
        return connectionInfo;
    }
#endif
}
