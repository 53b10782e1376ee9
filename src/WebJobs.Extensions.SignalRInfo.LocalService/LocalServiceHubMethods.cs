namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// The hub methods a client of the <see cref="LocalSignalRService"/> can invoke (names compare case-insensitively, so
/// <c>connection.invoke("broadcast", …)</c> works too). Every hub name is served by the same hub; clients of different
/// hub names never see each other's messages, users or groups.
/// </summary>
public static class LocalServiceHubMethods
{
    /// <summary>
    /// <c>Broadcast(string user, string message)</c>: every client of the caller's hub, the caller included, receives
    /// <see cref="LocalServiceClientEvents.NewMessage"/> with the arguments <c>(user, message)</c> as sent.
    /// </summary>
    public const string Broadcast = "Broadcast";

    /// <summary>
    /// <c>SendToUser(string userId, string message)</c>: every connection of that user (the token's <c>asrs.s.uid</c>) in
    /// the caller's hub receives <see cref="LocalServiceClientEvents.NewMessage"/> with <c>(sender, message)</c>, where
    /// sender is the caller's user id, or its connection id when it has none.
    /// </summary>
    public const string SendToUser = "SendToUser";

    /// <summary><c>JoinGroup(string group)</c>: adds the caller to a group of its hub.</summary>
    public const string JoinGroup = "JoinGroup";

    /// <summary><c>LeaveGroup(string group)</c>: removes the caller from a group of its hub.</summary>
    public const string LeaveGroup = "LeaveGroup";

    /// <summary>
    /// <c>SendToGroup(string group, string message)</c>: every member of that group of the caller's hub receives
    /// <see cref="LocalServiceClientEvents.NewMessage"/> with <c>(sender, message)</c>, sender as for <see cref="SendToUser"/>.
    /// </summary>
    public const string SendToGroup = "SendToGroup";

    /// <summary><c>WhoAmI()</c>: returns the caller's user id (the token's <c>asrs.s.uid</c>), or null.</summary>
    public const string WhoAmI = "WhoAmI";
}
