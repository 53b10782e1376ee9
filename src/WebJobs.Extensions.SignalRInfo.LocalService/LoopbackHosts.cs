using System;
using System.Net;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>What counts as this machine: <c>localhost</c>, 127.0.0.0/8, <c>::1</c>, and the service's own HostName. Names are never resolved.</summary>
internal static class LoopbackHosts
{
    /// <summary>True for <c>localhost</c>, a loopback IP address (with or without IPv6 brackets) or <paramref name="hostName"/>.</summary>
    public static bool IsLocal(string host, string hostName)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || string.Equals(host, hostName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var address = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        return IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>True when <paramref name="origin"/> is an http(s) origin on a local host (a page of the developer's own dev loop).</summary>
    public static bool IsLocalOrigin(string origin, string hostName) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLocal(uri.Host, hostName);
}
