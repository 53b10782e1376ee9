using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using Xunit.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>ASP.NET Core integration (the request forwarded to the worker's own HTTP server).</summary>
public sealed class IsolatedWorkerAspNetCoreTests : IsolatedWorkerTests
{
    public IsolatedWorkerAspNetCoreTests(IsolatedAppsFixture apps, ITestOutputHelper output)
        : base(apps, HttpModel.AspNetCore, output)
    {
    }

    [Fact]
    public async Task PrincipalNegotiate_UserAndClaimsFromHttpContextUser_ReachTheService()
    {
        // The function validates nothing: the app's authentication (a test scheme reading x-test-user) set HttpContext.User.
        await using var client = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.BaseUri, "api/principal/Lobby"), o =>
            {
                o.Headers["x-test-user"] = "erin";
                o.Headers["x-test-roles"] = "admin,reader";
            })
            .Build();

        await client.StartAsync();

        Assert.Equal("erin", await client.InvokeAsync<string?>("WhoAmI"));
        var connection = Host.LocalService.Connections.Single(c => c.UserId == "erin");
        Assert.Equal("lobby", connection.Hub);
        Assert.Equal(new[] { "admin", "reader" }, connection.Claims.Where(c => c.Type == "role").Select(c => c.Value).ToArray());
        Assert.Equal("erin@contoso.com", connection.Claims.Single(c => c.Type == "email").Value);
        Assert.Equal("2", connection.Claims.Single(c => c.Type == "tier").Value);
    }

    [Fact]
    public async Task PrincipalNegotiate_Response_IsJsonWithClaimsInTheirShortNamesAndTypes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/principal/lobby/negotiate");
        request.Headers.Add("x-test-user", "gus");
        request.Headers.Add("x-test-roles", "owner");
        using var response = await Client.SendAsync(request);

        var (json, mediaType) = await ReadConnectionInfoAsync(response);
        Assert.Equal("application/json", mediaType);
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "lobby");
        Assert.Equal("gus", token.GetClaim("asrs.s.uid").Value);
        Assert.Equal("owner", token.GetPayloadValue<string>("role"));
        Assert.Equal(2L, token.GetPayloadValue<long>("tier"));
        Assert.False(token.TryGetPayloadValue<string>("nameid", out _));
    }

    [Fact]
    public async Task ActionResult_IsWrittenByTheIntegrationAndUntouched()
    {
        using var response = await Client.PostAsync("api/actionresult/negotiate", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("action result for " + Host.LocalService.GetClientUrl("chat"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OkObjectResult_IsCamelCaseApplicationJsonWithAValidToken()
    {
        using var response = await Client.PostAsync("api/okobject/negotiate?user=frank", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal(new[] { "url", "accessToken" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(json, p => p.Key)));
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "chat");
        Assert.Equal("frank", token.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task StatusOnly_StatusSetByTheFunction_IsKeptAndNothingWritten()
    {
        using var response = await Client.PostAsync("api/statusonly/negotiate", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OwnResponse_WrittenByTheFunction_IsNotReplaced()
    {
        using var response = await Client.PostAsync("api/ownresponse/negotiate", null);

        Assert.Equal(HttpStatusCode.NonAuthoritativeInformation, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("written by the function", await response.Content.ReadAsStringAsync());
    }
}
