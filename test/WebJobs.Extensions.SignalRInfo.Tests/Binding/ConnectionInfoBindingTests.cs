using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Bindings.Path;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SignalRInfo.TestSupport;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// The binding our parameter types get (<see cref="ConnectionInfoBinding"/>): made once per function, per call it binds
/// only the expressions and negotiates. Its values and errors are those of WebJobs' BindToInput rule, which still
/// binds every other parameter type.
/// </summary>
public class ConnectionInfoBindingTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;
    private const string Audience = "https://contoso.service.signalr.net/client/?hub=";

    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "chat", UserId = "{headers.x-ms-client-principal-id}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateUnique")]
        public static SignalRConnectionInfo NegotiateUnique(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "chat")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateString")]
        public static string NegotiateString(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "chat")] string connectionInfo) => connectionInfo;

        [FunctionName("negotiateJObject")]
        public static JObject NegotiateJObject(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "chat")] JObject connectionInfo) => connectionInfo;

        [FunctionName("negotiateBraces")]
        public static SignalRConnectionInfo NegotiateBraces(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "chat", UserId = "u{{1}}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateTemplates")]
        public static SignalRConnectionInfo NegotiateTemplates(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "room{query.n}", UserId = "{sys.MethodName}")] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    private static Dictionary<string, string?> Settings() => new() { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection };

    [Theory]
    [InlineData(nameof(Functions.Negotiate))]
    [InlineData(nameof(Functions.NegotiateUnique))]
    [InlineData(nameof(Functions.NegotiateString))]
    [InlineData(nameof(Functions.NegotiateJObject))]
    public async Task Index_OurParameterTypes_AreBoundByConnectionInfoBinding(string method)
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var binding = await BindingAsync(host, method);

        Assert.IsType<ConnectionInfoBinding>(binding);
        Assert.True(binding.FromAttribute);
        Assert.Equal("connectionInfo", binding.ToParameterDescriptor().Name);
    }

    [Fact]
    public async Task Bind_ValueProvider_HasTheParameterTypeAndTheHubAsWrittenAsInvokeString()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));
        var binding = await BindingAsync(host, nameof(Functions.NegotiateString));

        var provider = await binding.BindAsync(new BindingContext(ValueContext(), new Dictionary<string, object>()));

        Assert.Equal(typeof(string), provider.Type);
        Assert.Equal("chat", provider.ToInvokeString());
        var json = JObject.Parse(Assert.IsType<string>(await provider.GetValueAsync()));
        await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, Audience + "chat", host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Call_HeaderNameInAnotherCase_IsFoundAsWebJobsFindsIt()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate", headers: new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL-ID"] = "ann" }))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "chat", host.Time.GetUtcNow());
        Assert.Equal("ann", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Call_EmptyHeader_IsAbsentAsForWebJobs()
    {
        // The trigger's header dictionary has no empty header: WebJobs' template reports the expression it cannot bind.
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiate", headers: new Dictionary<string, string> { ["x-ms-client-principal-id"] = string.Empty }));

        Assert.Contains("Error while accessing 'x-ms-client-principal-id': property doesn't exist.", SignalRConnectionInfoBindingTests.Messages(error));
    }

    [Fact]
    public async Task Call_TemplatesWithTextAndSystemData_AreBoundByWebJobsTemplates()
    {
        // {sys.MethodName} is the function's name.
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateTemplates", "n=7"))!;

        Assert.Equal(Audience + "room7", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "room7", host.Time.GetUtcNow());
        Assert.Equal("negotiateTemplates", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Call_EscapedBracesWithoutExpressions_AreUnescapedAsWebJobsBindsThem()
    {
        // Text with no expression is still a template for WebJobs: '{{' binds to '{' (this kept "u{{1}}" before).
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateBraces"))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "chat", host.Time.GetUtcNow());
        Assert.Equal(BindingTemplate.FromString("u{{1}}").Bind(new Dictionary<string, object>()), jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal("u{1}", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Call_GivenAConnectionInfo_TheFunctionGetsIt()
    {
        // WebJobs' BindToInput rule threw NotImplementedException for a value that is not an invoke string.
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));
        var given = new SignalRConnectionInfo { Url = "https://test/client/?hub=chat", AccessToken = "test-token" };
        var request = TestHost.CreateRequest();

        await host.JobHost.CallAsync("negotiate", new Dictionary<string, object?> { ["req"] = request, ["connectionInfo"] = given });

        Assert.Same(given, request.HttpContext.Items[TestHost.ResponseKey]);
    }

    [Fact]
    public async Task Call_GivenAHubName_NegotiatesForThatHub()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));
        var request = TestHost.CreateRequest();

        await host.JobHost.CallAsync("negotiateUnique", new Dictionary<string, object?> { ["req"] = request, ["connectionInfo"] = "Lobby" });

        var info = (SignalRConnectionInfo)request.HttpContext.Items[TestHost.ResponseKey]!;
        Assert.Equal(Audience + "lobby", info.Url);
        await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "lobby", host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Call_GivenAValueOfAnotherType_NamesTheParameterAndTheTypes()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.JobHost.CallAsync("negotiate", new Dictionary<string, object?> { ["req"] = TestHost.CreateRequest(), ["connectionInfo"] = 42 }));

        Assert.Contains(ErrorMessages.Format(ErrorMessages.BindingValueOfWrongType, "connectionInfo", "System.Int32", typeof(SignalRConnectionInfo).FullName), SignalRConnectionInfoBindingTests.Messages(error));
    }

    [Theory]
    [InlineData("{headers.x-ms-client-principal-id}", "headers", "x-ms-client-principal-id")]
    [InlineData("{query.user_1}", "query", "user_1")]
    [InlineData("{a.b}", "a", "b")]
    [InlineData("{a.b.c}", null, null)]
    [InlineData("{a}", null, null)]
    [InlineData("x{a.b}", null, null)]
    [InlineData("{a.b}x", null, null)]
    [InlineData("{a.b:D}", null, null)]
    [InlineData("{.b}", null, null)]
    [InlineData("{a.}", null, null)]
    [InlineData("{a.b}{c.d}", null, null)]
    [InlineData("{a b.c}", null, null)]
    public void SimpleLookup_OnlyOneNameDotKeyExpression_IsLookedUpDirectly(string pattern, string? name, string? key)
    {
        Assert.Equal((name, key), AutoResolvedValue.SimpleLookup(pattern));
    }

    private static ValueBindingContext ValueContext() => new(new FunctionBindingContext(Guid.NewGuid(), CancellationToken.None), CancellationToken.None);

    /// <summary>The binding the host's rules make for <paramref name="method"/>'s connectionInfo parameter, as at indexing.</summary>
    private static Task<IBinding> BindingAsync(TestHost host, string method) =>
        IndexedBinding.InputAsync(host.Services.GetRequiredService<IExtensionRegistry>(), typeof(Functions).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!, "connectionInfo");
}
