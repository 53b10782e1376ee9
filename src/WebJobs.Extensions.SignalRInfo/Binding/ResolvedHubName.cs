using System;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>The per-call check of a binding's HubName once its expressions are resolved (both negotiate converters).</summary>
internal static class ResolvedHubName
{
    /// <summary>The hub, when valid.</summary>
    /// <exception cref="InvalidOperationException">Missing or not a valid hub name; a request's value is quoted, truncated and escaped, so it cannot forge a log line.</exception>
    public static string Check(string? hub)
    {
        if (!HubNames.IsValid(hub))
        {
            throw new InvalidOperationException(string.IsNullOrEmpty(hub) ? ErrorMessages.HubNameMissing : ErrorMessages.Format(ErrorMessages.HubNameResolvedInvalid, ErrorMessages.RequestValue(hub!)));
        }

        return hub!;
    }
}
