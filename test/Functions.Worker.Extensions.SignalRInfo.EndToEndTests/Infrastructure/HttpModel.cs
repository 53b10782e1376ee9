namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>The two HTTP models of the isolated worker.</summary>
public enum HttpModel
{
    /// <summary>HttpRequestData/HttpResponseData carried over gRPC (Microsoft.Azure.Functions.Worker.Extensions.Http).</summary>
    BuiltIn,

    /// <summary>ASP.NET Core integration: the host forwards the request to the worker's own HTTP server (…Http.AspNetCore).</summary>
    AspNetCore,
}
