namespace SignalRInfo.Core;

/// <summary>The key the service issued to a Microsoft Entra ID identity: <c>{"KeyId":"…","AccessKey":"…"}</c>.</summary>
internal readonly struct IssuedKey
{
    public IssuedKey(string keyId, string accessKey)
    {
        KeyId = keyId;
        AccessKey = accessKey;
    }

    /// <summary>The id the service looks the key up by: the token header's <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>The key text; its UTF-8 bytes are the HMAC key.</summary>
    public string AccessKey { get; }

    /// <inheritdoc />
    public override string ToString() => "IssuedKey(kid=" + KeyId + ")";
}
