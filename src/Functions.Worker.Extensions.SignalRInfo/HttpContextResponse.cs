using System.Reflection;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// Reads <c>HttpContext.Response.HasStarted</c> without a reference to ASP.NET Core (this package stays on
/// netstandard2.0 and light). Only negotiate functions under ASP.NET Core integration ever call it.
/// </summary>
internal static class HttpContextResponse
{
    public static bool HasStarted(object httpContext)
    {
        var response = httpContext.GetType().GetProperty("Response", BindingFlags.Public | BindingFlags.Instance)?.GetValue(httpContext);
        return response?.GetType().GetProperty("HasStarted", BindingFlags.Public | BindingFlags.Instance)?.GetValue(response) is true;
    }
}
