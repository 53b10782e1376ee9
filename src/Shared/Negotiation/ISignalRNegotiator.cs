using System.Threading;
using System.Threading.Tasks;

// Compiled into both packages, in each package's own namespace (README, "Negotiate in code").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>
/// Negotiates in code: the client URL and access token of a hub for a user and claims the app chose (for example
/// from a principal it validated itself), with the same connection settings, rules and errors as the
/// SignalRConnectionInfo binding. Registered as a singleton; safe for concurrent use.
/// </summary>
public interface ISignalRNegotiator
{
    /// <summary>Negotiates a connection to <paramref name="hubName"/>.</summary>
    /// <param name="hubName">The hub: starts with a letter, at most 128 letters, digits and _ ` , . [ ].</param>
    /// <param name="options">User id, claims, lifetime and connection setting; null for none and the defaults.</param>
    /// <param name="cancellationToken">Cancels a wait for a Microsoft Entra ID key.</param>
    /// <returns>The URL and access token to return to the client.</returns>
    /// <exception cref="System.ArgumentException">The hub name, the lifetime, the user id or a claim is not valid, or the connection string is malformed.</exception>
    /// <exception cref="System.InvalidOperationException">The connection setting is missing, the token would be too long, or no identity key is available.</exception>
    ValueTask<SignalRConnectionInfo> NegotiateAsync(string hubName, SignalRNegotiateOptions? options = null, CancellationToken cancellationToken = default);
}
