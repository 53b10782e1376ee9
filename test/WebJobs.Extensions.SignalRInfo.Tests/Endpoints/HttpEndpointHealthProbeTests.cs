using System;
using System.Linq;
using System.Threading.Tasks;
using SignalRInfo.TestSupport;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>The real probe against a real HTTP server on 127.0.0.1: HEAD {server}/api/health, 2xx healthy, anything else a failure.</summary>
public sealed class HttpEndpointHealthProbeTests
{
    [Fact]
    public async Task Probe_Healthy_IsNull_AndIsAHeadOfApiHealth()
    {
        await using var server = KeyEndpointServer.Start();
        server.Reply(new KeyReply(200, null));
        using var probe = new HttpEndpointHealthProbe();
        var uri = new ServiceEndpoint(new Uri(server.BaseUrl)).HealthUri;

        Assert.Null(await probe.ProbeAsync(uri, default));

        var request = Assert.Single(server.Requests);
        Assert.Equal(("HEAD", "/api/health"), (request.Method, request.Path));
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Probe_ServerEndpoint_IsWhereTheProbeGoes()
    {
        await using var server = KeyEndpointServer.Start();
        server.Reply(new KeyReply(204, null));
        using var probe = new HttpEndpointHealthProbe();
        var uri = new ServiceEndpoint(new Uri("https://public.service.signalr.net"), null, new Uri(server.BaseUrl + "/private/")).HealthUri;

        Assert.Null(await probe.ProbeAsync(uri, default));
        Assert.Equal("/private/api/health", server.Requests.Single().Path);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(404)]
    public async Task Probe_ErrorStatus_NamesIt(int status)
    {
        await using var server = KeyEndpointServer.Start();
        server.Reply(new KeyReply(status, null));
        using var probe = new HttpEndpointHealthProbe();

        Assert.Equal("the health probe answered " + status, await probe.ProbeAsync(new Uri(server.BaseUrl + "/api/health"), default));
    }

    [Fact]
    public async Task Probe_NothingListening_IsAFailureNotAnException()
    {
        var server = KeyEndpointServer.Start();
        var uri = new Uri(server.BaseUrl + "/api/health");
        await server.DisposeAsync();
        using var probe = new HttpEndpointHealthProbe();

        var failure = await probe.ProbeAsync(uri, default);

        Assert.StartsWith("the health probe failed: HttpRequestException", failure, StringComparison.Ordinal);
    }
}
