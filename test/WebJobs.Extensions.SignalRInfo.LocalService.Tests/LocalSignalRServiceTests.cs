using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>Starting, describing and stopping the service in-process.</summary>
public class LocalSignalRServiceTests
{
    [Fact]
    public async Task StartAsync_Defaults_ExposeTheDocumentedConnectionString()
    {
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });

        var match = Regex.Match(service.ConnectionString, @"^Endpoint=http://localhost;Port=(\d+);AccessKey=([A-Za-z0-9+/]{43}=);Version=1\.0;$");

        Assert.True(match.Success, "Unexpected connection string shape.");
        Assert.True(service.Port is > 0 and <= 65535);
        Assert.Equal(service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups[1].Value);
        Assert.Equal(service.AccessKey, match.Groups[2].Value);
        Assert.Equal(32, Convert.FromBase64String(service.AccessKey).Length);
        Assert.Equal("localhost", service.HostName);
        Assert.Equal(new Uri($"http://localhost:{service.Port}/"), service.Endpoint);
    }

    [Fact]
    public async Task StartAsync_TwoServicesWithoutAccessKey_GenerateDifferentKeysAndPorts()
    {
        await using var first = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });
        await using var second = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });

        Assert.NotEqual(first.AccessKey, second.AccessKey);
        Assert.NotEqual(first.Port, second.Port);
    }

    [Fact]
    public async Task StartAsync_ConfiguredKeyAndHostName_AreInTheConnectionStringAndAudience()
    {
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = "my-local-key", HostName = "127.0.0.1" });

        Assert.Equal($"Endpoint=http://127.0.0.1;Port={service.Port};AccessKey=my-local-key;Version=1.0;", service.ConnectionString);
        Assert.Equal("http://127.0.0.1/client/?hub=chat", service.GetAudience("Chat"));
        Assert.Equal(new Uri($"http://127.0.0.1:{service.Port}/client/?hub=chat"), service.GetClientUrl("Chat"));
    }

    [Fact]
    public async Task StartAsync_OtherHostName_ExpectsItInTheAudience()
    {
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = TestTokens.Key, HostName = "127.0.0.1" });
        using var http = TestClients.Http(service);

        using var forLocalhost = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint("http://localhost/client/?hub=chat"));
        using var forHostName = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint("http://127.0.0.1/client/?hub=chat"));

        Assert.Equal(HttpStatusCode.Unauthorized, forLocalhost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forHostName.StatusCode);
    }

    [Fact]
    public async Task StartAsync_PortInUse_Throws()
    {
        await using var first = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });

        await Assert.ThrowsAnyAsync<IOException>(() => LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = first.Port }));
    }

    [Fact]
    public async Task StartAsync_ListensOn127001Only()
    {
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });

        using var ipv4 = new TcpClient(AddressFamily.InterNetwork);
        await ipv4.ConnectAsync(IPAddress.Loopback, service.Port);
        using var ipv6 = new TcpClient(AddressFamily.InterNetworkV6);

        Assert.True(ipv4.Connected);
        await Assert.ThrowsAnyAsync<SocketException>(() => ipv6.ConnectAsync(IPAddress.IPv6Loopback, service.Port));
    }

    [Fact]
    public async Task StartAsync_NullOptions_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => LocalSignalRService.StartAsync(null!));
    }

    [Fact]
    public async Task DisposeAsync_Twice_StopsListeningAndIsHarmless()
    {
        var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });
        var port = service.Port;

        await service.DisposeAsync();
        await service.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Get_UnknownPath_Is404()
    {
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 });
        using var http = TestClients.Http(service);

        using var response = await http.GetAsync("api/v1/unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HostNameWithCapitals_AcceptsTheLowerCasedAudienceTheExtensionWrites()
    {
        // The extension writes aud from System.Uri, which lower-cases the host.
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = TestTokens.Key, HostName = "LocalHost" });
        using var http = TestClients.Http(service);

        using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint("http://localhost/client/?hub=chat"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost/client/?hub=chat", service.GetAudience("Chat"));
    }

    [Fact]
    public async Task AccessKeyWithSurroundingSpaces_AcceptsTokensSignedWithTheTrimmedKeyTheExtensionUses()
    {
        // The extension trims connection string values: 'AccessKey= k ;' signs with 'k'.
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = "  " + TestTokens.Key + " " });
        using var http = TestClients.Http(service);

        using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat"), key: TestTokens.Key));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestTokens.Key, service.AccessKey);
        Assert.Contains(";AccessKey=" + TestTokens.Key + ";", service.ConnectionString);
    }
}
