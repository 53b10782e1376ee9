namespace SignalRInfo.Core;

/// <summary>
/// The one log category of the host package, for the shared code too: <c>Host.Triggers.SignalRInfo</c>, the name the
/// Functions host gives extension logs (WebJobs' <c>LogCategories.CreateTriggerCategory("SignalRInfo")</c>), so that
/// host.json <c>logging:logLevel</c> filters on it.
/// </summary>
internal static class LogCategory
{
    /// <summary>The category name.</summary>
    public const string Name = "Host.Triggers.SignalRInfo";
}
