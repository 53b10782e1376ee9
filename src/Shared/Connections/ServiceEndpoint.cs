using System;
using System.Net;

namespace SignalRInfo.Core;

/// <summary>
/// The endpoints of one SignalR Service connection and what is derived from them once (README, "Connections"):
/// the client URL prefix, the audience prefix and the Entra key endpoint.
/// </summary>
internal sealed class ServiceEndpoint
{
    private const string ClientPath = "client/?hub=";

    public ServiceEndpoint(Uri endpoint, Uri? clientEndpoint = null, Uri? serverEndpoint = null)
    {
        Endpoint = endpoint;
        ClientEndpoint = clientEndpoint;
        ServerEndpoint = serverEndpoint;
        ClientUrlPrefix = BaseWithSlash(clientEndpoint ?? endpoint) + ClientPath;
        AudiencePrefix = endpoint.Scheme + "://" + endpoint.Host + "/" + ClientPath;
        AccessKeyUri = new Uri(BaseWithSlash(serverEndpoint ?? endpoint) + "api/v1/auth/accessKey");
        HealthUri = new Uri(BaseWithSlash(serverEndpoint ?? endpoint) + "api/health");
        Identity = endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>The service endpoint, with the connection string's Port applied.</summary>
    public Uri Endpoint { get; }

    /// <summary>The ClientEndpoint, if any: replaces the base of the client URL only.</summary>
    public Uri? ClientEndpoint { get; }

    /// <summary>The ServerEndpoint, if any: the base of the Entra key request.</summary>
    public Uri? ServerEndpoint { get; }

    /// <summary><c>{client base}/client/?hub=</c>: the client URL without the hub.</summary>
    public string ClientUrlPrefix { get; }

    /// <summary><c>{scheme}://{host}/client/?hub=</c>: the audience without the hub (no port, no path).</summary>
    public string AudiencePrefix { get; }

    /// <summary><c>{ServerEndpoint or Endpoint}/api/v1/auth/accessKey</c>.</summary>
    public Uri AccessKeyUri { get; }

    /// <summary>The health probe of the instance: <c>HEAD {server endpoint}/api/health</c>.</summary>
    public Uri HealthUri { get; }

    /// <summary>The instance's normalized URL (scheme, host and port, lower case): equal for the same instance.</summary>
    public string Identity { get; }

    /// <summary>
    /// True when the key request would carry a Microsoft Entra token in clear text: the key endpoint is http:// on a
    /// host other than loopback (localhost, 127.0.0.0/8, ::1).
    /// </summary>
    public bool KeyRequestIsPlainHttpOffLoopback => AccessKeyUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(AccessKeyUri);

    /// <summary>The client URL for a lower-cased hub name.</summary>
    public string GetClientUrl(string lowerHub) => ClientUrlPrefix + lowerHub;

    /// <summary>The token audience for a lower-cased hub name.</summary>
    public string GetAudience(string lowerHub) => AudiencePrefix + lowerHub;

    /// <summary>True for <c>localhost</c>, an IPv4 address in 127.0.0.0/8 and <c>::1</c>; a name is never resolved.</summary>
    internal static bool IsLoopback(Uri uri)
    {
        var host = uri.DnsSafeHost;
        if (uri.HostNameType == UriHostNameType.Dns)
        {
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    private static string BaseWithSlash(Uri uri)
    {
        // GetLeftPart drops default ports (:443 on https, :80 on http) and any query; a path gets a trailing slash.
        var left = uri.GetLeftPart(UriPartial.Path);
        return left.EndsWith("/", StringComparison.Ordinal) ? left : left + "/";
    }
}
