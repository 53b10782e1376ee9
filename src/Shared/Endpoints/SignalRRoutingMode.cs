// Compiled into both packages, in each package's own namespace (README, "Several SignalR Service instances").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>How a negotiation picks one of several SignalR Service instances.</summary>
public enum SignalRRoutingMode
{
    /// <summary>A random online primary, else a random online secondary (the default).</summary>
    Random,

    /// <summary>
    /// Rendezvous hashing of the user id over the online primaries: a user's devices meet on one instance, and removing an
    /// instance moves only its users. Random when there is no user id.
    /// </summary>
    UserHash,

    /// <summary>A random online primary in proportion to <see cref="SignalRRoutingOptions.Weights"/> (default weight 1).</summary>
    Weighted,

    /// <summary>The first online endpoint of <see cref="SignalRRoutingOptions.Order"/> (then the unlisted ones, primaries first).</summary>
    Priority,
}
