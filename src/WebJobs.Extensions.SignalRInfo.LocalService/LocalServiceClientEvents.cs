namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>The client methods (events) the <see cref="LocalSignalRService"/> hub calls; subscribe with <c>connection.on(…)</c>.</summary>
public static class LocalServiceClientEvents
{
    /// <summary>
    /// <c>newMessage(string from, string message)</c>: a chat message from <see cref="LocalServiceHubMethods.Broadcast"/>,
    /// <see cref="LocalServiceHubMethods.SendToUser"/> or <see cref="LocalServiceHubMethods.SendToGroup"/>.
    /// </summary>
    public const string NewMessage = "newMessage";
}
