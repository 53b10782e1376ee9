namespace SignalRInfo.Core;

/// <summary>What a negotiation issues: the client URL of the hub and the access token for it.</summary>
internal readonly struct IssuedConnectionInfo
{
    public IssuedConnectionInfo(string url, string accessToken)
    {
        Url = url;
        AccessToken = accessToken;
    }

    public string Url { get; }

    public string AccessToken { get; }
}
