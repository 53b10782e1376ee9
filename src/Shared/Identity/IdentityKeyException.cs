using System;

namespace SignalRInfo.Core;

/// <summary>
/// Why one Microsoft Entra ID key fetch failed. <see cref="Exception.Message"/> is the cause only (e.g. "the service
/// answered 403 Forbidden: …"); <see cref="IdentityConnection"/> puts the setting, endpoint and credential around it.
/// Never holds a token, key or secret.
/// </summary>
internal sealed class IdentityKeyException : Exception
{
    public IdentityKeyException(string cause, bool isTransient, Exception? innerException = null)
        : base(cause, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True for failures worth retrying at once (5xx, 408, 429, network errors, timeouts).</summary>
    public bool IsTransient { get; }
}
