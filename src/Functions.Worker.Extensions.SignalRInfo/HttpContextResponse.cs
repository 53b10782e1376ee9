using System.Reflection;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// Reads <c>HttpContext.Response</c> (has it started, its status code and content type) without a reference to ASP.NET
/// Core (this package stays on netstandard2.0 and light). Only negotiate functions under ASP.NET Core integration ever
/// call it.
/// </summary>
internal static class HttpContextResponse
{
    /// <summary>Whether the function left the response as the integration made it: not started, 200, no content type.</summary>
    public static bool IsUntouched(object httpContext)
    {
        var response = Property(httpContext, "Response");
        if (response is null)
        {
            return false;
        }

        return Property(response, "HasStarted") is false
            && Property(response, "StatusCode") is 200
            && string.IsNullOrEmpty(Property(response, "ContentType") as string);
    }

    private static object? Property(object instance, string name) =>
        instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance);
}
