using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The cold-start child's function for our binding: <see cref="NegotiateFunctions.Negotiate"/>'s shape, in a class of
/// its own so that a host indexes it alone.
/// </summary>
public static class ColdStartOurFunction
{
    [FunctionName(NegotiateFunctions.Ours)]
    public static SignalRConnectionInfo Negotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req,
        [SignalRConnectionInfo(HubName = BenchmarkInputs.Hub, UserId = "{headers." + NegotiateFunctions.UserIdHeader + "}")] SignalRConnectionInfo connectionInfo) => connectionInfo;
}
