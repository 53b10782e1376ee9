namespace SignalRInfo.Core;

/// <summary>The one log category of the worker package, for the shared code too: the package's name.</summary>
internal static class LogCategory
{
    /// <summary>The category name.</summary>
    public const string Name = "Functions.Worker.Extensions.SignalRInfo";
}
