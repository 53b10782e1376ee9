using System.Collections.Generic;

// Compiled into both packages, in each package's own namespace (README, "Several SignalR Service instances").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>
/// Chooses the SignalR Service instance of a negotiation when several are configured, in place of the configured
/// routing mode. Register one in the app's services (in-process or worker). Called only with more than one endpoint.
/// </summary>
public interface ISignalREndpointRouter
{
    /// <summary>The endpoint to negotiate with: one of <paramref name="endpoints"/> (online or not, the router decides).</summary>
    /// <param name="hubName">The hub.</param>
    /// <param name="userId">The user id, or null.</param>
    /// <param name="endpoints">Every configured endpoint with its health: primaries first, the setting itself, then by name.</param>
    /// <returns>The chosen endpoint, or null to fall back to the configured routing mode.</returns>
    SignalREndpoint? ChooseEndpoint(string hubName, string? userId, IReadOnlyList<SignalREndpoint> endpoints);
}
