using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using Xunit.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// The built isolated app's real worker process, driven by <see cref="StandInFunctionsHost"/>: every negotiate shape the
/// README shows answers <c>{"url":…,"accessToken":…}</c> with a token the local service accepts, in one HTTP model per
/// derived class.
/// </summary>
[Collection(IsolatedAppsCollection.Name)]
public abstract class IsolatedWorkerTests : IAsyncLifetime
{
    private readonly IsolatedAppsFixture _apps;
    private readonly HttpModel _model;
    private readonly ITestOutputHelper _output;
    private StandInFunctionsHost? _host;
    private HttpClient? _client;

    protected IsolatedWorkerTests(IsolatedAppsFixture apps, HttpModel model, ITestOutputHelper output)
    {
        _apps = apps;
        _model = model;
        _output = output;
    }

    internal StandInFunctionsHost Host => _host!;

    protected HttpModel Model => _model;

    protected HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _output.WriteLine(_apps.Timings);
        _host = await StandInFunctionsHost.StartAsync(_apps.Get(_model)).ConfigureAwait(false);
        _client = new HttpClient { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }
    }

    [Fact]
    public void Worker_ReportsHttpUriOnlyUnderAspNetCoreIntegration()
    {
        Assert.Equal(_model == HttpModel.AspNetCore, Host.WorkerHttpUri is not null);
        Assert.Contains(Host.Functions, f => f.Name == "Negotiate");
    }

    [Fact]
    public async Task SeedNegotiate_PrincipalHeader_ReturnsCamelCaseConnectionInfoForThatUser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/Negotiate");
        request.Headers.Add("x-ms-client-principal-id", "aad-user-42");
        using var response = await Client.SendAsync(request);

        var (json, mediaType) = await ReadConnectionInfoAsync(response);
        _output.WriteLine($"{_model} Negotiate: {(int)response.StatusCode} {response.Content.Headers.ContentType} {json.ToJsonString()}");
        Assert.Equal(Host.LocalService.GetClientUrl("hubName1").ToString(), (string)json["url"]!);
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "hubname1");
        Assert.Equal("aad-user-42", token.GetClaim("asrs.s.uid").Value);
        Assert.Equal(_model == HttpModel.AspNetCore ? "application/json" : "text/plain", mediaType);
    }

    [Fact]
    public async Task SeedNegotiateServerless_ReturnsConnectionInfoForTheServerlessHub()
    {
        using var response = await Client.PostAsync("api/NegotiateServerless", null);

        var (json, _) = await ReadConnectionInfoAsync(response);
        Assert.Equal(Host.LocalService.GetClientUrl("serverless").ToString(), (string)json["url"]!);
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "serverless");
        Assert.False(token.TryGetClaim("asrs.s.uid", out _));
    }

    [Theory]
    [InlineData("api/chat/negotiate?user=alice")]
    [InlineData("api/chatstring/negotiate?user=alice")]
    public async Task ChatNegotiate_PocoOrString_ReturnsApplicationJson(string path)
    {
        using var response = await Client.PostAsync(path, null);

        var (json, mediaType) = await ReadConnectionInfoAsync(response);
        _output.WriteLine($"{_model} {path}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {json.ToJsonString()}");
        Assert.Equal(Host.LocalService.GetClientUrl("chat").ToString(), (string)json["url"]!);
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "chat");
        Assert.Equal("alice", token.GetClaim("asrs.s.uid").Value);

        // The POCO comes back as json typed data (built-in) or through our executor (ASP.NET Core): JSON either way.
        // The string in the built-in model is the host's plain text rendering of a string return value.
        var expected = _model == HttpModel.BuiltIn && path.Contains("chatstring", StringComparison.Ordinal) ? "text/plain" : "application/json";
        Assert.Equal(expected, mediaType);
    }

    [Fact]
    public async Task HelperNegotiate_HttpResponseData_IsApplicationJsonUtf8()
    {
        using var response = await Client.GetAsync("api/helper/negotiate?user=carol");

        var (json, _) = await ReadConnectionInfoAsync(response);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "chat");
        Assert.Equal("carol", token.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task UniqueNegotiate_SignalRInfoInput_ResolvesQueryAndHeaderAndCopiesListedClaims()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/unique/negotiate?hub=Room1&user=dave");
        request.Headers.Add("x-ms-token-aad-id-token", Tokens.IdToken("""{"name":"Dave","email":"dave@contoso.com","oid":"not-copied"}"""));
        using var response = await Client.SendAsync(request);

        var (json, _) = await ReadConnectionInfoAsync(response);
        Assert.Equal(Host.LocalService.GetClientUrl("room1").ToString(), (string)json["url"]!);
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "room1");
        Assert.Equal("dave", token.GetClaim("asrs.s.uid").Value);
        Assert.Equal("Dave", token.GetClaim("name").Value);
        Assert.Equal("dave@contoso.com", token.GetClaim("email").Value);
        Assert.False(token.TryGetClaim("oid", out _));
        Assert.Equal(600, (token.ValidTo - token.IssuedAt).TotalSeconds);
    }

    [Fact]
    public async Task UniqueNegotiate_InvalidHubFromQuery_FailsBeforeTheWorkerIsCalledWithTheHubRule()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/unique/negotiate?hub=9room&user=dave");
        request.Headers.Add("x-ms-token-aad-id-token", Tokens.IdToken("""{"name":"Dave"}"""));
        using var response = await Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        _output.WriteLine(body);
        Assert.StartsWith("binding failed: ", body, StringComparison.Ordinal);
        Assert.Contains("HubName", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.LocalService.AccessKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedNegotiate_NoPrincipalHeader_IsABindingErrorNamingTheHeader()
    {
        // An absent {headers.x} key is a binding error in WebJobs (not an empty user id): anonymous callers of the
        // Learn page's example get a 500 from the host, before the worker runs.
        using var response = await Client.PostAsync("api/Negotiate", null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("'x-ms-client-principal-id'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_FunctionWithoutOurBinding_IsLeftAsTheModelMakesIt()
    {
        using var response = await Client.GetAsync("api/plain");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Built-in: the host writes the string. ASP.NET Core integration: an empty 200 (the model's own behaviour for a
        // plain return value, see README "What the client receives"), which our package only changes for negotiate functions.
        Assert.Equal(_model == HttpModel.BuiltIn ? "plain text" : string.Empty, body);
    }

    [Fact]
    public async Task PocoReturnsText_NegotiateFunctionReturningItsOwnString_IsLeftAsTheModelMakesIt()
    {
        using var response = await Client.PostAsync("api/pocotext/negotiate", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_model == HttpModel.BuiltIn ? "own text for " + Host.LocalService.GetClientUrl("chat") : string.Empty, body);
    }

    [Fact]
    public void WorkerIndexing_ReportsTheSameBindingsAsFunctionsMetadata()
    {
        var file = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(_apps.Get(_model).OutputFolder, "functions.metadata")))!;
        Assert.Equal(file.Count, Host.Functions.Count);
        foreach (var entry in file)
        {
            var name = (string)entry!["name"]!;
            var reported = Host.Functions.Single(f => f.Name == name);
            var expected = ((JsonArray)entry["bindings"]!).Select(b => Normalize((JsonObject)b!)).OrderBy(b => b, StringComparer.Ordinal).ToArray();
            var actual = reported.RawBindings.Select(Normalize).OrderBy(b => b, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
        }

        // Keys, their case, and the binding's order do not matter to the host; values do.
        static string Normalize(JsonObject binding) => string.Join(";", binding.Where(p => p.Key != "properties").OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => p.Key.ToLowerInvariant() + "=" + p.Value?.ToJsonString()));
    }

    [Fact]
    public async Task TypedDataJson_PocoAndStringParameters_StillReturnTheConnectionInfo()
    {
        await using var host = await StandInFunctionsHost.StartAsync(_apps.Get(_model), sendAsJson: true);
        using var client = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };

        foreach (var (path, hub) in new[] { ("api/chat/negotiate?user=erin", "chat"), ("api/Negotiate", "hubname1") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("x-ms-client-principal-id", "erin");
            using var response = await client.SendAsync(request);
            var (json, _) = await ReadConnectionInfoAsync(response);
            var token = await Tokens.ValidAsync((string)json["accessToken"]!, host.LocalService, hub);
            Assert.Equal("erin", token.GetClaim("asrs.s.uid").Value);
        }
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task DotNetClients_NegotiateThroughTheWorker_AndExchangeAMessage(HttpTransportType transport)
    {
        await using var alice = Connect("alice", transport);
        await using var bob = Connect("bob", transport);
        var received = new TaskCompletionSource<(string User, string Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.On<string, string>("newMessage", (user, message) => received.TrySetResult((user, message)));

        await alice.StartAsync();
        await bob.StartAsync();

        // The service read the user id from the token that our host extension minted for the worker's function.
        Assert.Equal("alice", await alice.InvokeAsync<string?>("WhoAmI"));
        await alice.InvokeAsync("broadcast", "alice", "hello through the isolated worker");
        Assert.Equal(("alice", "hello through the isolated worker"), await received.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Contains("bob", Host.LocalService.ConnectedUserIds);
    }

    [Fact]
    public async Task CodeNegotiate_NoBindingHubFromTheRoute_ClientConnectsAsThatUserWithTheClaims()
    {
        await using var client = new HubConnectionBuilder().WithUrl(new Uri(Host.BaseUri, "api/code/Room7?user=dora")).Build();

        await client.StartAsync();

        // The worker's ISignalRNegotiator read the connection setting from the worker's environment, as the host passes it.
        Assert.Equal("dora", await client.InvokeAsync<string?>("WhoAmI"));
        var connection = Host.LocalService.Connections.Single(c => c.UserId == "dora");
        Assert.Equal("room7", connection.Hub);
        Assert.Equal("free", connection.Claims.Single(c => c.Type == "plan").Value);
        Assert.Equal("3", connection.Claims.Single(c => c.Type == "seats").Value);
    }

    [Fact]
    public async Task CodeNegotiate_InvalidHubInTheRoute_FailsWithTheHubRuleAndNoKey()
    {
        using var response = await Client.PostAsync("api/code/9lives/negotiate", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Host.LocalService.AccessKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeNegotiate_ReturnedPoco_IsCamelCaseJsonWithAValidToken()
    {
        using var response = await Client.PostAsync("api/code/lobby/negotiate?user=fay", null);

        var (json, mediaType) = await ReadConnectionInfoAsync(response);
        Assert.Equal(Host.LocalService.GetClientUrl("lobby").ToString(), (string)json["url"]!);
        Assert.Equal("application/json", mediaType);
        var token = await Tokens.ValidAsync((string)json["accessToken"]!, Host.LocalService, "lobby");
        Assert.Equal("fay", token.GetClaim("asrs.s.uid").Value);
        Assert.Equal(3L, token.GetPayloadValue<long>("seats"));
    }

    [Fact]
    public async Task NegotiationInput_TwoInstances_ATokenForEachThatItsServiceAccepts()
    {
        await using var second = await WebJobs.Extensions.SignalRInfo.LocalService.LocalSignalRService.StartAsync(new WebJobs.Extensions.SignalRInfo.LocalService.LocalSignalRServiceOptions { Port = 0 });
        await using var host = await StandInFunctionsHost.StartAsync(_apps.Get(_model), settings: new System.Collections.Generic.Dictionary<string, string?> { ["Azure:SignalR:Endpoints:second:secondary"] = second.ConnectionString });
        using var client = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };

        using var response = await client.GetAsync("api/negotiation?user=ivy");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var endpoints = (JsonArray)JsonNode.Parse(body)!["endpoints"]!;
        Assert.Equal(new[] { "primary", "secondary" }, endpoints.Select(e => (string)e!["endpointType"]!).ToArray());
        Assert.Equal("second", (string)endpoints[1]!["name"]!);
        var first = await Tokens.ValidAsync((string)endpoints[0]!["connectionInfo"]!["accessToken"]!, host.LocalService, "chat");
        var other = await Tokens.ValidAsync((string)endpoints[1]!["connectionInfo"]!["accessToken"]!, second, "chat");
        Assert.Equal("ivy", first.GetClaim("asrs.s.uid").Value);
        Assert.Equal("ivy", other.GetClaim("asrs.s.uid").Value);
        Assert.Equal(second.GetClientUrl("chat").ToString(), (string)endpoints[1]!["connectionInfo"]!["url"]!);

        using var listed = await client.GetAsync("api/endpoints");
        var list = (JsonArray)JsonNode.Parse(await listed.Content.ReadAsStringAsync())!;
        Assert.Equal(2, list.Count);
        Assert.DoesNotContain(second.AccessKey, list.ToJsonString(), StringComparison.Ordinal);
    }

    private HubConnection Connect(string user, HttpTransportType transport) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Host.BaseUri, "api/chat?user=" + user), transport)
            .Build();

    internal static async Task<(JsonObject Json, string? MediaType)> ReadConnectionInfoAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body) as JsonObject ?? throw new Xunit.Sdk.XunitException("not a JSON object: " + body);
        Assert.Equal(new[] { "url", "accessToken" }, json.Select(p => p.Key).ToArray());
        return (json, response.Content.Headers.ContentType?.MediaType);
    }
}
