using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Sample.Tests;

/// <summary>The sample negotiate host over HTTP: what a SignalR client's first request sees.</summary>
public class SampleHostTests
{
    [Fact]
    public async Task Negotiate_WithUserQuery_ReturnsUrlAndTokenForTheEmbeddedService()
    {
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0" });
        using var http = new HttpClient { BaseAddress = sample.BaseUri };

        var response = await http.PostAsync("api/negotiate?user=alice&negotiateVersion=1", null);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = new System.Collections.Generic.List<string>();
        foreach (var property in json.RootElement.EnumerateObject())
        {
            names.Add(property.Name);
        }

        Assert.Equal(new[] { "url", "accessToken" }, names);
        Assert.Equal($"http://localhost:{sample.LocalService!.Port}/client/?hub=hubname1", json.RootElement.GetProperty("url").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("accessToken").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task Negotiate_WithoutUser_Is401WithHowToSignIn()
    {
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0" });
        using var http = new HttpClient { BaseAddress = sample.BaseUri };

        var response = await http.PostAsync("api/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("x-ms-client-principal-id", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChatPage_AndNpmClient_AreServed()
    {
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0" });
        using var http = new HttpClient { BaseAddress = sample.BaseUri };

        var page = await http.GetStringAsync("/");
        var client = await http.GetStringAsync("lib/signalr.min.js");

        Assert.Contains("lib/signalr.min.js", page);
        Assert.Contains("HubConnectionBuilder", client);
    }

    [Fact]
    public async Task RealConnectionString_IsUsedInsteadOfTheEmbeddedService()
    {
        Environment.SetEnvironmentVariable("AzureSignalRConnectionString", null);
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0", "--AzureSignalRConnectionString", "Endpoint=https://contoso.service.signalr.net;AccessKey=abcdefghijklmnopqrstuvwxyz0123456789ABCD;Version=1.0;" });
        using var http = new HttpClient { BaseAddress = sample.BaseUri };

        var info = await (await http.PostAsync("api/negotiate?user=bob", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Null(sample.LocalService);
        Assert.Equal("https://contoso.service.signalr.net/client/?hub=hubname1", info.GetProperty("url").GetString());
    }

    [Fact]
    public void Build_ExtensionsJson_ListsTheStartupType()
    {
        // The generator writes extensions.json into the sample's own output folder (bin/<Configuration>/net10.0).
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (!File.Exists(Path.Combine(root.FullName, "WebJobs.Extensions.SignalRInfo.sln")))
        {
            root = root.Parent!;
        }

        var path = Path.Combine(root.FullName, "src", "WebJobs.Extensions.SignalRInfo.Sample", "bin", configuration, framework, "extensions.json");

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var extension = Assert.Single(json.RootElement.GetProperty("extensions").EnumerateArray());

        Assert.Equal("SignalRInfo", extension.GetProperty("name").GetString());
        Assert.StartsWith("WebJobs.Extensions.SignalRInfo.SignalRInfoWebJobsStartup, WebJobs.Extensions.SignalRInfo,", extension.GetProperty("typeName").GetString());
    }

    [Fact]
    public async Task Negotiate_ExtensionFails_AnswersAGenericProblemAndLogsTheCause()
    {
        // A 5,000-character user id makes the token too long: the extension's message (hub, lengths, and for identity
        // connections endpoint, client id, tenant id) is for the operator's log, not for an anonymous caller.
        var logs = new CapturingLoggerProvider();
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0" }, l => l.AddProvider(logs));
        using var http = new HttpClient { BaseAddress = sample.BaseUri };

        var response = await http.PostAsync("api/negotiate?user=" + new string('u', 5000), null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.StartsWith(SampleHost.NegotiateFailedDetail, problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("4096", body);
        Assert.DoesNotContain("hubname1", body);
        Assert.Contains("4096", logs.AllText);
        Assert.Contains("hubname1", logs.AllText);
    }
}
