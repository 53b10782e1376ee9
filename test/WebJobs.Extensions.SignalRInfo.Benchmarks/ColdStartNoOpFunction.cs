using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The cold-start child's function for the no-op binding: <see cref="NegotiateFunctions.NegotiateNoOp"/>'s shape, in a
/// class of its own so that a host without our extension can index it.
/// </summary>
public static class ColdStartNoOpFunction
{
    [FunctionName(NegotiateFunctions.NoOp)]
    public static SignalRConnectionInfo Negotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req,
        [NoOpConnectionInfo(HubName = BenchmarkInputs.Hub, UserId = "{headers." + NegotiateFunctions.UserIdHeader + "}")] SignalRConnectionInfo connectionInfo) => connectionInfo;
}
