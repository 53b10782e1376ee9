using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>CreateNegotiateResponseAsync over a hand-written HttpRequestData: status, content type and body bytes.</summary>
public class SignalRConnectionInfoHttpExtensionsTests
{
    private const string Url = "https://contoso.service.signalr.net/client/?hub=chat";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln";

    private static FakeHttpRequestData Request() => new(new FakeFunctionContext("negotiate", ("req", "httpTrigger"), ("connectionInfo", "signalRInfo")));

    private static void AssertNegotiateResponse(Microsoft.Azure.Functions.Worker.Http.HttpResponseData response, string expectedBody)
    {
        var fake = Assert.IsType<FakeHttpRequestData.Response>(response);
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.True(fake.Headers.TryGetValues("Content-Type", out var contentTypes));
        Assert.Equal(new[] { "application/json; charset=utf-8" }, contentTypes);
        var body = fake.BodyBytes();
        Assert.False(body.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "no UTF-8 byte order mark");
        Assert.Equal(expectedBody, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_ConnectionInfo_IsA200CamelCaseJsonResponse()
    {
        var response = await Request().CreateNegotiateResponseAsync(new SignalRConnectionInfo { Url = Url, AccessToken = Token });

        AssertNegotiateResponse(response, "{\"url\":\"" + Url + "\",\"accessToken\":\"" + Token + "\"}");
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_ConnectionInfoWithSpecialCharacters_IsValidJsonThatReadsBack()
    {
        var url = "https://contoso.service.signalr.net/client/?hub=chat&x=\"q\"";

        var response = (FakeHttpRequestData.Response)await Request().CreateNegotiateResponseAsync(new SignalRConnectionInfo { Url = url, AccessToken = Token });

        using var document = JsonDocument.Parse(response.BodyBytes());
        Assert.Equal(new[] { "url", "accessToken" }, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(url, document.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_BindingString_IsWrittenAsIs()
    {
        var json = "{\"url\":\"" + Url + "\",\"accessToken\":\"" + Token + "\"}";

        var response = await Request().CreateNegotiateResponseAsync(json);

        AssertNegotiateResponse(response, json);
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_NullRequest_ThrowsNamingRequest()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => SignalRConnectionInfoHttpExtensions.CreateNegotiateResponseAsync(null!, "{}"));
        var errorForInfo = await Assert.ThrowsAsync<ArgumentNullException>(() => SignalRConnectionInfoHttpExtensions.CreateNegotiateResponseAsync(null!, new SignalRConnectionInfo()));

        Assert.Equal("request", error.ParamName);
        Assert.Equal("request", errorForInfo.ParamName);
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_NullConnectionInfo_ThrowsNamingConnectionInfo()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Request().CreateNegotiateResponseAsync((SignalRConnectionInfo)null!));

        Assert.Equal("connectionInfo", error.ParamName);
    }

    [Theory]
    [InlineData(null, "token", "Url")]
    [InlineData("https://contoso.service.signalr.net/client/?hub=chat", "", "AccessToken")]
    public async Task CreateNegotiateResponseAsync_PocoWithoutUrlOrToken_ThrowsNamingTheProperty(string? url, string? token, string property)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Request().CreateNegotiateResponseAsync(new SignalRConnectionInfo { Url = url, AccessToken = token }));

        Assert.Equal("connectionInfo", error.ParamName);
        Assert.Contains("has no " + property, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_NullJson_ThrowsArgumentNullNamingConnectionInfoJson()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Request().CreateNegotiateResponseAsync((string)null!));

        Assert.Equal("connectionInfoJson", error.ParamName);
    }

    [Fact]
    public async Task CreateNegotiateResponseAsync_EmptyJson_ThrowsNamingConnectionInfoJsonAndTheBinding()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Request().CreateNegotiateResponseAsync(string.Empty));

        Assert.Equal("connectionInfoJson", error.ParamName);
        Assert.Contains("[SignalRConnectionInfoInput]", error.Message, StringComparison.Ordinal);
    }
}
