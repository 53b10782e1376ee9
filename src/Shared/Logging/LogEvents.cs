using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// Every log event of the extension, host and worker package alike, in one table. An id is never reused or
/// renumbered: log queries and alerts key on it. No event carries an access key, a token or a secret.
/// </summary>
internal static class LogEvents
{
    // ---- Connections (1–2, 14–15) ---------------------------------------------------------------------------

    /// <summary>A connection string holds a key the extension does not know (warning).</summary>
    public static readonly EventId UnknownConnectionStringKey = new(1, nameof(UnknownConnectionStringKey));

    /// <summary>A connection string's AuthType is not one of the known values (warning).</summary>
    public static readonly EventId UnknownAuthType = new(2, nameof(UnknownAuthType));

    /// <summary>An identity-based connection was resolved; its key is fetched in the background (information).</summary>
    public static readonly EventId IdentityConnection = new(14, nameof(IdentityConnection));

    /// <summary>A connection string holds entries without a key name (warning; their text is not logged).</summary>
    public static readonly EventId UnnamedConnectionStringEntries = new(15, nameof(UnnamedConnectionStringEntries));

    // ---- Bindings at indexing (3–4) -------------------------------------------------------------------------

    /// <summary>A binding sets IdToken without ClaimTypeList (warning).</summary>
    public static readonly EventId IdTokenWithoutClaimTypeList = new(3, nameof(IdTokenWithoutClaimTypeList));

    /// <summary>A binding sets ClaimTypeList without IdToken (warning).</summary>
    public static readonly EventId ClaimTypeListWithoutIdToken = new(4, nameof(ClaimTypeListWithoutIdToken));

    // ---- Microsoft Entra ID keys (10–13) --------------------------------------------------------------------

    /// <summary>A key fetch starts (debug).</summary>
    public static readonly EventId IdentityKeyFetchStarted = new(10, nameof(IdentityKeyFetchStarted));

    /// <summary>A key arrived (information).</summary>
    public static readonly EventId IdentityKeyFetched = new(11, nameof(IdentityKeyFetched));

    /// <summary>One attempt of a key fetch failed; it is retried (warning).</summary>
    public static readonly EventId IdentityKeyAttemptFailed = new(12, nameof(IdentityKeyAttemptFailed));

    /// <summary>A key fetch failed after its retries (error).</summary>
    public static readonly EventId IdentityKeyFetchFailed = new(13, nameof(IdentityKeyFetchFailed));

    // ---- Several SignalR Service instances (30–39) ------------------------------------------------------------

    /// <summary>An endpoint went offline after failed checks in a row (warning).</summary>
    public static readonly EventId EndpointOffline = new(30, nameof(EndpointOffline));

    /// <summary>An offline endpoint answered its health probe again (information).</summary>
    public static readonly EventId EndpointOnline = new(31, nameof(EndpointOnline));

    /// <summary>One health probe or key fetch of an endpoint failed (debug).</summary>
    public static readonly EventId EndpointCheckFailed = new(32, nameof(EndpointCheckFailed));

    /// <summary>Two configured endpoints are the same instance and were merged (warning).</summary>
    public static readonly EventId EndpointsMerged = new(33, nameof(EndpointsMerged));

    /// <summary>A negotiation could not sign with its chosen endpoint and tried the next one (warning).</summary>
    public static readonly EventId EndpointFailedOver = new(34, nameof(EndpointFailedOver));

    // ---- Host start-up (20) ---------------------------------------------------------------------------------

    /// <summary>Microsoft's SignalR Service extension is loaded in the same host (warning).</summary>
    public static readonly EventId MicrosoftSignalRExtensionLoaded = new(20, nameof(MicrosoftSignalRExtensionLoaded));
}
