using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;

namespace WebJobs.Extensions.SignalRInfo.Sample;

/// <summary>The negotiate function, written as the Microsoft Learn page shows it (App Service authentication).</summary>
public static class NegotiateFunctions
{
    /// <summary>Returns the SignalR Service URL and an access token for the signed-in user.</summary>
    /// <param name="req">The HTTP request (App Service authentication puts the user in x-ms-client-principal-id).</param>
    /// <param name="connectionInfo">Bound by the extension.</param>
    /// <returns>The connection info, serialized as <c>{"url":"…","accessToken":"…"}</c>.</returns>
    [FunctionName("negotiate")]
    public static SignalRConnectionInfo Negotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
        [SignalRConnectionInfo
            (HubName = "hubName1", UserId = "{headers.x-ms-client-principal-id}")]
            SignalRConnectionInfo connectionInfo)
    {
        // connectionInfo contains an access key token with a name identifier claim set to the authenticated user
        return connectionInfo;
    }
}
