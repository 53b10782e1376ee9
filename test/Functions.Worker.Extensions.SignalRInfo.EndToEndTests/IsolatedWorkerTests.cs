using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
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

    private static async Task<(JsonObject Json, string? MediaType)> ReadConnectionInfoAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body) as JsonObject ?? throw new Xunit.Sdk.XunitException("not a JSON object: " + body);
        Assert.Equal(new[] { "url", "accessToken" }, json.Select(p => p.Key).ToArray());
        return (json, response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The built-in HTTP model (HttpRequestData over gRPC).</summary>
public sealed class IsolatedWorkerBuiltInTests : IsolatedWorkerTests
{
    public IsolatedWorkerBuiltInTests(IsolatedAppsFixture apps, ITestOutputHelper output)
        : base(apps, HttpModel.BuiltIn, output)
    {
    }
}

/// <summary>ASP.NET Core integration (the request forwarded to the worker's own HTTP server).</summary>
public sealed class IsolatedWorkerAspNetCoreTests : IsolatedWorkerTests
{
    public IsolatedWorkerAspNetCoreTests(IsolatedAppsFixture apps, ITestOutputHelper output)
        : base(apps, HttpModel.AspNetCore, output)
    {
    }
}
