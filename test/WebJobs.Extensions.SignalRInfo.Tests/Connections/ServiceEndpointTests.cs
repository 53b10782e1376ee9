using System;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class ServiceEndpointTests
{
    private static ServiceEndpoint Parse(string connectionString) =>
        ServiceConnectionString.Parse(connectionString + ";AccessKey=k0123456789abcdef0123456789abcdef", "S").Endpoint;

    [Theory]
    // The client URL and audience rules (README, "Connections"), by example.
    [InlineData("Endpoint=http://localhost;Port=8888", "http://localhost:8888/client/?hub=chat", "http://localhost/client/?hub=chat")]
    [InlineData("Endpoint=https://contoso.service.signalr.net;ClientEndpoint=https://proxy.contoso.com", "https://proxy.contoso.com/client/?hub=chat", "https://contoso.service.signalr.net/client/?hub=chat")]
    [InlineData("Endpoint=https://contoso.service.signalr.net;ClientEndpoint=https://proxy/signalr", "https://proxy/signalr/client/?hub=chat", "https://contoso.service.signalr.net/client/?hub=chat")]
    // Default ports vanish, others stay; trailing slash trimmed.
    [InlineData("Endpoint=https://contoso.service.signalr.net:443/", "https://contoso.service.signalr.net/client/?hub=chat", "https://contoso.service.signalr.net/client/?hub=chat")]
    [InlineData("Endpoint=http://contoso:80", "http://contoso/client/?hub=chat", "http://contoso/client/?hub=chat")]
    [InlineData("Endpoint=https://contoso:8443", "https://contoso:8443/client/?hub=chat", "https://contoso/client/?hub=chat")]
    [InlineData("Endpoint=https://contoso;Port=443", "https://contoso/client/?hub=chat", "https://contoso/client/?hub=chat")]
    [InlineData("Endpoint=http://localhost:1234;Port=80", "http://localhost/client/?hub=chat", "http://localhost/client/?hub=chat")]
    // Port does not apply to ClientEndpoint; the audience never carries a path.
    [InlineData("Endpoint=http://localhost;Port=8888;ClientEndpoint=http://proxy:9000/", "http://proxy:9000/client/?hub=chat", "http://localhost/client/?hub=chat")]
    [InlineData("Endpoint=https://contoso/base/path", "https://contoso/base/path/client/?hub=chat", "https://contoso/client/?hub=chat")]
    [InlineData("Endpoint=HTTPS://CONTOSO.service.signalr.net", "https://contoso.service.signalr.net/client/?hub=chat", "https://contoso.service.signalr.net/client/?hub=chat")]
    [InlineData("Endpoint=http://[::1];Port=5000", "http://[::1]:5000/client/?hub=chat", "http://[::1]/client/?hub=chat")]
    public void UrlAndAudience_FollowTheServiceRules(string connectionString, string url, string audience)
    {
        var endpoint = Parse(connectionString);

        Assert.Equal(url, endpoint.GetClientUrl("chat"));
        Assert.Equal(audience, endpoint.GetAudience("chat"));
    }

    [Theory]
    [InlineData("Endpoint=https://contoso", "https://contoso/api/v1/auth/accessKey")]
    [InlineData("Endpoint=http://localhost;Port=8888", "http://localhost:8888/api/v1/auth/accessKey")]
    [InlineData("Endpoint=https://contoso;ServerEndpoint=https://private.contoso:444/x", "https://private.contoso:444/x/api/v1/auth/accessKey")]
    [InlineData("Endpoint=https://contoso;ClientEndpoint=https://proxy", "https://contoso/api/v1/auth/accessKey")]
    public void AccessKeyUri_UsesServerEndpointElseEndpointWithPort(string connectionString, string expected)
    {
        Assert.Equal(new Uri(expected), Parse(connectionString).AccessKeyUri);
    }
}
