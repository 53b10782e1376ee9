// Compiled into both packages, in each package's own namespace (README, "Several SignalR Service instances").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>The role of a SignalR Service instance when there are several: clients go to a primary while one is online.</summary>
public enum SignalREndpointType
{
    /// <summary>Takes clients while online (the default).</summary>
    Primary,

    /// <summary>Takes clients only when no primary is online.</summary>
    Secondary,
}
