namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>The settings of a running service, fixed at start from <see cref="LocalSignalRServiceOptions"/>.</summary>
internal sealed record LocalServiceSettings(string HostName);
