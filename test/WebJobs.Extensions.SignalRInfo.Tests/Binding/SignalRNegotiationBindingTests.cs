using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Newtonsoft.Json.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>[SignalRNegotiation] (a token per instance) and [SignalREndpoints] (the instances) through a real WebJobs host.</summary>
public sealed class SignalRNegotiationBindingTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;
    private const string OtherKey = SignalRConnectionInfoBindingTests.OtherKey;

    private static Dictionary<string, string?> Settings() => new()
    {
        ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection,
        ["Azure:SignalR:Endpoints:west:secondary"] = "Endpoint=https://west.service.signalr.net;AccessKey=" + OtherKey + ";Version=1.0;",
    };

    public static class Functions
    {
        [FunctionName("negotiation")]
        public static SignalRNegotiationContext Negotiation(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRNegotiation(HubName = "chat", UserId = "{query.user}")] SignalRNegotiationContext context) => context;

        [FunctionName("negotiationString")]
        public static string NegotiationString(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRNegotiation(HubName = "chat")] string context) => context;

        [FunctionName("negotiationJObject")]
        public static JObject NegotiationJObject(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRNegotiation(HubName = "chat")] JObject context) => context;

        [FunctionName("endpoints")]
        public static SignalREndpoint[] Endpoints(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalREndpoints] SignalREndpoint[] endpoints) => endpoints;

        [FunctionName("endpointsString")]
        public static string EndpointsString(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalREndpoints] string endpoints) => endpoints;
    }

    [Fact]
    public async Task Negotiation_OneVerifiedTokenPerInstance_PrimariesFirst()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var context = (SignalRNegotiationContext)(await host.CallForResponseAsync("negotiation", "user=ann"))!;

        Assert.Equal(new[] { (SignalREndpointType.Primary, string.Empty), (SignalREndpointType.Secondary, "west") }, context.Endpoints.Select(e => (e.EndpointType, e.Name)));
        Assert.All(context.Endpoints, e => Assert.True(e.Online));
        var main = await TokenAssert.ValidAsync(context.Endpoints[0].ConnectionInfo!.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=chat", host.Time.GetUtcNow());
        var west = await TokenAssert.ValidAsync(context.Endpoints[1].ConnectionInfo!.AccessToken!, OtherKey, "https://west.service.signalr.net/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal("ann", main.GetClaim("asrs.s.uid").Value);
        Assert.Equal("ann", west.GetClaim("asrs.s.uid").Value);
        Assert.Equal("https://west.service.signalr.net/client/?hub=chat", context.Endpoints[1].ConnectionInfo!.Url);
    }

    [Fact]
    public async Task Negotiation_AsStringAndJObject_CamelCaseWithStringTypes()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var text = (string)(await host.CallForResponseAsync("negotiationString"))!;
        var json = (JObject)(await host.CallForResponseAsync("negotiationJObject"))!;

        foreach (var parsed in new[] { JObject.Parse(text), json })
        {
            var endpoints = (JArray)parsed["endpoints"]!;
            Assert.Equal(new[] { "endpointType", "name", "endpoint", "online", "connectionInfo" }, ((JObject)endpoints[0]).Properties().Select(p => p.Name));
            Assert.Equal("primary", (string?)endpoints[0]["endpointType"]);
            Assert.Equal("secondary", (string?)endpoints[1]["endpointType"]);
            Assert.Equal(new[] { "url", "accessToken" }, ((JObject)endpoints[1]["connectionInfo"]!).Properties().Select(p => p.Name));
        }

        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_TheInstancesWithoutTokens()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var endpoints = (SignalREndpoint[])(await host.CallForResponseAsync("endpoints"))!;
        var text = (string)(await host.CallForResponseAsync("endpointsString"))!;

        Assert.Equal(new[] { "https://contoso.service.signalr.net", "https://west.service.signalr.net" }, endpoints.Select(e => e.Endpoint));
        Assert.Equal(
            "[{\"endpointType\":\"primary\",\"name\":\"\",\"endpoint\":\"https://contoso.service.signalr.net\",\"online\":true}," +
            "{\"endpointType\":\"secondary\",\"name\":\"west\",\"endpoint\":\"https://west.service.signalr.net\",\"online\":true}]",
            text);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionInfo_WithSeveralInstances_IsRoutedToOne()
    {
        var settings = Settings();
        settings["Azure:SignalR:Endpoints:east"] = "Endpoint=https://east.service.signalr.net;AccessKey=" + OtherKey + ";Version=1.0;";
        await using var host = await TestHost.StartAsync(settings, typeof(SignalRNegotiatorTests.NegotiatorFunctions));

        var hosts = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("NegotiateInCode", "hub=chat&user=u" + i))!;
            hosts.Add(new Uri(info.Url!).Host);
        }

        // Random over the two online primaries; the secondary only when no primary is online.
        Assert.Equal(new[] { "contoso.service.signalr.net", "east.service.signalr.net" }, hosts.OrderBy(h => h, StringComparer.Ordinal));
    }
}
