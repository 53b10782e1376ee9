using System.Security.Claims;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>What <see cref="AccessTokenValidator"/> decided: a principal, or the short reason of the refusal.</summary>
internal readonly record struct TokenValidationOutcome(ClaimsPrincipal? Principal, string? Error)
{
    public static TokenValidationOutcome Fail(string error) => new(null, error);

    public static TokenValidationOutcome Success(ClaimsPrincipal principal) => new(principal, null);
}
