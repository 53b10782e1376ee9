using System;

namespace SignalRInfo.Core;

/// <summary>
/// A negotiation found no usable Microsoft Entra ID key for its connection (the message names the setting, the key
/// endpoint, the credential and the cause). An <see cref="InvalidOperationException"/> for callers; its own type so
/// that failover catches this and nothing else.
/// </summary>
internal sealed class IdentityKeyUnavailableException : InvalidOperationException
{
    public IdentityKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
