using Functions.Worker.Extensions.SignalRInfo;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace IsolatedApp;

/// <summary>
/// The isolated examples of the Microsoft Learn page "SignalR Service input binding for Azure Functions", verbatim but
/// for the using of our package (and the first one's function name: both examples are named "Negotiate").
/// </summary>
public static class SeedFunctions
{
    [Function("NegotiateServerless")]
    public static string NegotiateServerless([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequestData req,
        [SignalRConnectionInfoInput(HubName = "serverless")] string connectionInfo)
    {
        // The serialization of the connection info object is done by the framework. It should be camel case. The SignalR client respects the camel case response only.
        return connectionInfo;
    }

    [Function("Negotiate")]
    public static string Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequestData req,
        [SignalRConnectionInfoInput(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-id}")] string connectionInfo)
    {
        // The serialization of the connection info object is done by the framework. It should be camel case. The SignalR client respects the camel case response only.
        return connectionInfo;
    }
}
