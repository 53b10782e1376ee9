namespace SignalRInfo.TestSupport;

/// <summary>What the key endpoint answers.</summary>
public sealed record KeyReply(int Status, string? Body)
{
    public static KeyReply Key(string keyId, string accessKey) => new(200, "{\"KeyId\":\"" + keyId + "\",\"AccessKey\":\"" + accessKey + "\"}");

    public static KeyReply Error(int status) => new(status, "{\"code\":\"Error\"}");
}
