using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>GET /api/v1/auth/accessKey (README, "Microsoft Entra ID") and the tokens signed with the keys it issues.</summary>
public class AccessKeyEndpointTests
{
    private static Task<LocalSignalRService> StartServiceAsync() =>
        LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = TestTokens.Key });

    private static async Task<(string KeyId, string AccessKey)> GetKeyAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer entra-token-stand-in");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("KeyId").GetString()!, json.RootElement.GetProperty("AccessKey").GetString()!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Get_WithoutBearer_Is401AndCounted(string? authorization)
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.AccessKeyMissingBearer, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, service.AccessKeyRequestCount);
        Assert.Empty(service.IssuedKeyIds);
    }

    [Fact]
    public async Task Get_WithBearer_Returns200PascalCaseKeyIdAndAccessKey()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.sig");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "KeyId", "AccessKey" }, json.RootElement.EnumerateObject().Select(p => p.Name));
        var keyId = json.RootElement.GetProperty("KeyId").GetString();
        Assert.False(string.IsNullOrEmpty(keyId));
        Assert.Equal(32, System.Convert.FromBase64String(json.RootElement.GetProperty("AccessKey").GetString()!).Length);
        Assert.Equal(new[] { keyId }, service.IssuedKeyIds);
        Assert.Equal(1, service.AccessKeyRequestCount);
    }

    [Fact]
    public async Task Get_Twice_IssuesTwoKeysThatBothWork()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        var first = await GetKeyAsync(http);
        var second = await GetKeyAsync(http);

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.NotEqual(first.AccessKey, second.AccessKey);
        Assert.Equal(2, service.AccessKeyRequestCount);
        foreach (var (keyId, accessKey) in new[] { first, second })
        {
            using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat"), key: accessKey, kid: keyId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Token_SignedWithIssuedKeyUnderItsKid_ConnectsAHubClient()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        var (keyId, accessKey) = await GetKeyAsync(http);
        var token = TestTokens.Mint(TestTokens.Audience("chat"), "entra-user", key: accessKey, kid: keyId);
        await using var connection = TestClients.Hub(service, "chat", token);

        Assert.Equal("entra-user", await TestClients.StartReadyAsync(connection));
    }

    [Fact]
    public async Task Token_SignedWithIssuedKeyUnderAnUnknownKid_Is401InvalidSignature()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        var (_, accessKey) = await GetKeyAsync(http);

        using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat"), key: accessKey, kid: "unknown-kid"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.InvalidSignature, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_SignedWithMainKeyUnderAnIssuedKid_Is401InvalidSignature()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        var (keyId, _) = await GetKeyAsync(http);

        using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat"), key: TestTokens.Key, kid: keyId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.InvalidSignature, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-per-process-random-kid")]
    public async Task Token_SignedWithMainKeyUnderAnyOtherKid_IsAccepted(string? kid)
    {
        // The real service ignores kid for access keys.
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);

        using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(TestTokens.Audience("chat"), kid: kid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, service.AccessKeyRequestCount);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://127.0.0.1:7071")]
    public async Task Get_FromABrowserPage_Is403AndIssuesNoKey(string origin)
    {
        // Browsers send Origin on cross-origin requests; the key endpoint serves apps, never pages.
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer entra-token-stand-in");
        request.Headers.Add("Origin", origin);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(LocalServiceMessages.AccessKeyFromBrowser, await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(service.IssuedKeyIds);
    }

    [Fact]
    public async Task Preflight_ForTheKeyEndpoint_GetsNoCorsHeaders()
    {
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        using var request = new HttpRequestMessage(HttpMethod.Options, "api/v1/auth/accessKey");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");

        using var response = await http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8888")]
    public async Task Get_WithAHostThatIsNotTheService_Is403AndIssuesNoKey(string host)
    {
        // DNS rebinding: a page on evil.example resolved to 127.0.0.1 is same-origin for the browser, but its Host is not ours.
        await using var service = await StartServiceAsync();
        using var http = TestClients.Http(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer entra-token-stand-in");
        request.Headers.Host = host;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(LocalServiceMessages.AccessKeyWrongHost, await response.Content.ReadAsStringAsync());
        Assert.Empty(service.IssuedKeyIds);
    }
}
