using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>HEAD and GET /api/health: the probe, switching it to unhealthy and back, counting, and what keeps working meanwhile.</summary>
public class HealthEndpointTests
{
    private static Task<LocalSignalRService> StartServiceAsync(bool startUnhealthy = false, CapturingLoggerProvider? logs = null) =>
        LocalSignalRService.StartAsync(new LocalSignalRServiceOptions
        {
            Port = 0,
            AccessKey = TestTokens.Key,
            StartUnhealthy = startUnhealthy,
            ConfigureLogging = logs is null ? null : l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug),
        });

    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> ProbeAsync(HttpClient http, string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/health");
        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Head_Healthy_Is200WithAnEmptyBodyAndTheHeadersOfGet()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        var (status, body, response) = await ProbeAsync(http, "HEAD");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(string.Empty, body);
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("{\"status\":\"healthy\"}".Length, response.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task Get_Healthy_Is200WithStatusHealthy()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        var (status, body, response) = await ProbeAsync(http, "GET");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("{\"status\":\"healthy\"}", body);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.True(response.Headers.CacheControl?.NoStore);
        }
    }

    [Fact]
    public async Task Healthy_ByDefault_IsTrueWith503AsTheUnhealthyStatus()
    {
        await using var service = await StartServiceAsync();

        Assert.True(service.Healthy);
        Assert.Equal(503, service.UnhealthyStatusCode);
        Assert.Equal(503, LocalSignalRService.DefaultUnhealthyStatusCode);
        Assert.Equal(0, service.HealthRequestCount);
    }

    [Theory]
    [InlineData("HEAD", "")]
    [InlineData("GET", "{\"status\":\"unhealthy\"}")]
    public async Task SwitchedUnhealthy_Is503_AndBackHealthy_Is200(string method, string unhealthyBody)
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        service.Healthy = false;
        var (unhealthy, body, first) = await ProbeAsync(http, method);
        first.Dispose();
        service.Healthy = true;
        var (healthy, _, second) = await ProbeAsync(http, method);
        second.Dispose();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy);
        Assert.Equal(unhealthyBody, body);
        Assert.Equal(HttpStatusCode.OK, healthy);
        Assert.True(service.Healthy);
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("GET")]
    public async Task UnhealthyStatusCode_Set_IsWhatTheUnhealthyProbeAnswers(string method)
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        service.UnhealthyStatusCode = 500;
        var (stillHealthy, _, first) = await ProbeAsync(http, method);
        first.Dispose();
        service.Healthy = false;
        var (unhealthy, _, second) = await ProbeAsync(http, method);
        second.Dispose();
        service.UnhealthyStatusCode = 429;
        var (changedWhileUnhealthy, _, third) = await ProbeAsync(http, method);
        third.Dispose();

        Assert.Equal(HttpStatusCode.OK, stillHealthy);
        Assert.Equal(HttpStatusCode.InternalServerError, unhealthy);
        Assert.Equal(HttpStatusCode.TooManyRequests, changedWhileUnhealthy);
        Assert.Equal(429, service.UnhealthyStatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public async Task UnhealthyStatusCode_NotAFailureStatus_ThrowsAndKeepsTheOldOne(int statusCode)
    {
        await using var service = await StartServiceAsync();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => service.UnhealthyStatusCode = statusCode);

        Assert.StartsWith(LocalServiceMessages.UnhealthyStatusCodeOutOfRange, error.Message);
        Assert.Equal(503, service.UnhealthyStatusCode);
    }

    [Fact]
    public async Task HealthRequestCount_CountsHeadAndGetProbes_UnhealthyIncluded_AndNothingElse()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        (await ProbeAsync(http, "HEAD")).Response.Dispose();
        (await ProbeAsync(http, "GET")).Response.Dispose();
        service.Healthy = false;
        (await ProbeAsync(http, "HEAD")).Response.Dispose();
        using (await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat"))))
        using (await http.GetAsync("api/v1/auth/accessKey"))
        using (await http.GetAsync("api/v1/health"))
        {
        }

        Assert.Equal(3, service.HealthRequestCount);
        Assert.Equal(1, service.AccessKeyRequestCount);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_Are405AndNotCounted(string method)
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        var (status, _, response) = await ProbeAsync(http, method);
        response.Dispose();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal(0, service.HealthRequestCount);
    }

    [Fact]
    public async Task Probe_NeedsNoAuthentication_EvenWithABrowserOriginOrAForeignHost()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        using var request = new HttpRequestMessage(HttpMethod.Head, "api/health");
        request.Headers.TryAddWithoutValidation("Origin", "https://example.com");
        request.Headers.Host = "example.com";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task StartUnhealthy_ProbeIs503UntilSwitchedHealthy()
    {
        await using var service = await StartServiceAsync(startUnhealthy: true);
        using var http = TestClients.Http(service);

        Assert.False(service.Healthy);
        var (before, _, first) = await ProbeAsync(http, "HEAD");
        first.Dispose();
        service.Healthy = true;
        var (after, _, second) = await ProbeAsync(http, "HEAD");
        second.Dispose();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(2, service.HealthRequestCount);
    }

    [Fact]
    public async Task Unhealthy_OtherRoutesKeepWorking()
    {
        await using var service = await StartServiceAsync(startUnhealthy: true);
        using var http = TestClients.Http(service);
        using var keyRequest = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey");
        keyRequest.Headers.TryAddWithoutValidation("Authorization", "Bearer entra-token-stand-in");

        using var negotiate = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat")));
        using var key = await http.SendAsync(keyRequest);
        await using var connection = TestClients.Hub(service, "chat", TestTokens.Mint(TestTokens.Audience("chat"), "alice"));
        var userId = await TestClients.StartReadyAsync(connection);

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, key.StatusCode);
        Assert.Equal("alice", userId);
        Assert.Equal(new[] { "alice" }, service.ConnectedUserIds);
    }

    [Fact]
    public async Task StoppedService_ProbeFailsToConnect()
    {
        var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        (await ProbeAsync(http, "HEAD")).Response.Dispose();

        await service.DisposeAsync();

        using var request = new HttpRequestMessage(HttpMethod.Head, "api/health");
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(request));
    }

    [Fact]
    public async Task Logs_DebugPerProbe_InformationPerSwitchOnlyWhenTheAnswerChanges()
    {
        var logs = new CapturingLoggerProvider();
        await using (var service = await StartServiceAsync(logs: logs))
        {
            using var http = TestClients.Http(service);
            (await ProbeAsync(http, "HEAD")).Response.Dispose();
            service.Healthy = true;
            service.UnhealthyStatusCode = 500;
            service.Healthy = false;
            service.Healthy = false;
            (await ProbeAsync(http, "GET")).Response.Dispose();
            service.UnhealthyStatusCode = 500;
            service.Healthy = true;
        }

        var probes = logs.Entries.Where(e => e.EventId.Id == 401).ToArray();
        Assert.Equal(new[] { "Health probe HEAD /api/health answered 200", "Health probe GET /api/health answered 500" }, probes.Select(e => e.Message));
        Assert.All(probes, e => Assert.Equal(LogLevel.Debug, e.Level));
        var switches = logs.Entries.Where(e => e.EventId.Id == 402).ToArray();
        Assert.Equal(
            new[]
            {
                "Local SignalR service switched to unhealthy: /api/health now answers 500",
                "Local SignalR service switched to healthy: /api/health now answers 200",
            },
            switches.Select(e => e.Message));
        Assert.All(switches, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 403);
        Assert.False(logs.Contains(TestTokens.Key));
    }

    [Fact]
    public async Task Logs_StartUnhealthy_SaysSo()
    {
        var logs = new CapturingLoggerProvider();
        await using (await StartServiceAsync(startUnhealthy: true, logs: logs))
        {
        }

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 403);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("Local SignalR service started unhealthy: /api/health answers 503", entry.Message);
    }
}
