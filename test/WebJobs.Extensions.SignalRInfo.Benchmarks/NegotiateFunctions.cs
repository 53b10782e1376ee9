using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>The same negotiate function four ways: our binding (without and with IdToken claims), a no-op binding of the same shape, and no binding.</summary>
public static class NegotiateFunctions
{
    public const string Ours = "negotiate";
    public const string OursWithClaims = "negotiateClaims";
    public const string NoOp = "negotiateNoOp";
    public const string Bare = "negotiateBare";
    public const string UserIdHeader = "x-ms-client-principal-id";
    public const string IdTokenHeader = "x-ms-token-aad-id-token";

    /// <summary>What the no-op binding binds and the bare function returns.</summary>
    public static readonly SignalRConnectionInfo Constant = new() { Url = BenchmarkInputs.ClientUrl, AccessToken = "constant" };

    [FunctionName(Ours)]
    public static SignalRConnectionInfo Negotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req,
        [SignalRConnectionInfo(HubName = BenchmarkInputs.Hub, UserId = "{headers." + UserIdHeader + "}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

    [FunctionName(OursWithClaims)]
    public static SignalRConnectionInfo NegotiateWithClaims(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req,
        [SignalRConnectionInfo(HubName = BenchmarkInputs.Hub, UserId = "{headers." + UserIdHeader + "}", IdToken = "{headers." + IdTokenHeader + "}", ClaimTypeList = new[] { BenchmarkInputs.NameClaim, BenchmarkInputs.RoleClaim })] SignalRConnectionInfo connectionInfo) => connectionInfo;

    [FunctionName(NoOp)]
    public static SignalRConnectionInfo NegotiateNoOp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req,
        [NoOpConnectionInfo(HubName = BenchmarkInputs.Hub, UserId = "{headers." + UserIdHeader + "}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

    [FunctionName(Bare)]
    public static SignalRConnectionInfo NegotiateBare(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req) => Constant;
}
