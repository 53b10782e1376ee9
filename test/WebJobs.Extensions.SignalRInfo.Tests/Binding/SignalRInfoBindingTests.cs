using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Newtonsoft.Json.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// [SignalRInfo] (binding type <c>signalRInfo</c>) through a real JobHost binds exactly like [SignalRConnectionInfo]:
/// the same three parameter types, the same binding expressions, the same indexing errors and verifiable tokens.
/// </summary>
public class SignalRInfoBindingTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;
    private const string OtherKey = SignalRConnectionInfoBindingTests.OtherKey;
    private const string Audience = "https://contoso.service.signalr.net/client/?hub=hubname1";

    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateUser")]
        public static SignalRConnectionInfo NegotiateUser(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-id}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateQuery")]
        public static SignalRConnectionInfo NegotiateQuery(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "{query.hub}", UserId = "{query.userName}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateString")]
        public static string NegotiateString(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-id}")] string connectionInfo) => connectionInfo;

        [FunctionName("negotiateJObject")]
        public static JObject NegotiateJObject(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1")] JObject connectionInfo) => connectionInfo;

        [FunctionName("negotiateClaims")]
        public static SignalRConnectionInfo NegotiateClaims(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-name}", IdToken = "{headers.x-ms-token-aad-id-token}", ClaimTypeList = new[] { "name", "roles" })] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateSettings")]
        public static SignalRConnectionInfo NegotiateSettings(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "%ChatHub%", ConnectionStringSetting = "%ConnectionName%", TokenLifetimeSeconds = 120)] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection,
        ["ChatHub"] = "ChatRoom",
        ["ConnectionName"] = "OtherSignalR",
        ["OtherSignalR"] = "Endpoint=http://localhost;Port=8888;AccessKey=" + OtherKey + ";Version=1.0;",
    };

    [Fact]
    public async Task Negotiate_SignalRConnectionInfoParameter_ReturnsUrlAndVerifiableToken()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiate"));

        Assert.Equal(Audience, info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience, host.Time.GetUtcNow());
        Assert.False(jwt.TryGetClaim("asrs.s.uid", out _));
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, jwt.IssuedAt);
        Assert.Equal(host.Time.GetUtcNow().AddHours(1).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public async Task Negotiate_UserIdFromHeaderExpression_IsInToken()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateUser", headers: new Dictionary<string, string> { ["x-ms-client-principal-id"] = "aad-user-42" }))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience, host.Time.GetUtcNow());
        Assert.Equal("aad-user-42", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Negotiate_MissingHeaderForUserId_IsABindingError()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateUser"));

        Assert.Contains("x-ms-client-principal-id", error.ToString());
    }

    [Fact]
    public async Task Negotiate_HubAndUserFromQueryExpressions_AreResolvedAndLowerCased()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateQuery", "hub=Chat_Room&userName=ann"))!;

        Assert.Equal("https://contoso.service.signalr.net/client/?hub=chat_room", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=chat_room", host.Time.GetUtcNow());
        Assert.Equal("ann", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Negotiate_InvalidHubFromQuery_FailsTheCallWithTheRule()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateQuery", "hub=1bad&userName=ann"));

        var messages = SignalRConnectionInfoBindingTests.Messages(error);
        Assert.Contains("Exception binding parameter 'connectionInfo'", messages);
        Assert.Contains(ErrorMessages.Format(ErrorMessages.HubNameResolvedInvalid, ErrorMessages.RequestValue("1bad")), messages);
    }

    [Fact]
    public async Task Negotiate_StringParameter_IsCompactCamelCaseJson()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var json = Assert.IsType<string>(await host.CallForResponseAsync("negotiateString", headers: new Dictionary<string, string> { ["x-ms-client-principal-id"] = "u1" }));

        var parsed = JObject.Parse(json);
        Assert.Equal(new[] { "url", "accessToken" }, ((IEnumerable<KeyValuePair<string, JToken?>>)parsed).Select(p => p.Key));
        Assert.Equal("{\"url\":\"" + Audience + "\",\"accessToken\":\"" + parsed["accessToken"] + "\"}", json);
        var jwt = await TokenAssert.ValidAsync((string)parsed["accessToken"]!, Key, Audience, host.Time.GetUtcNow());
        Assert.Equal("u1", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Negotiate_JObjectParameter_HasCamelCaseProperties()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var json = Assert.IsType<JObject>(await host.CallForResponseAsync("negotiateJObject"));

        Assert.Equal(new[] { "url", "accessToken" }, json.Properties().Select(p => p.Name));
        Assert.Equal(Audience, (string?)json["url"]);
        await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, Audience, host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Negotiate_IdTokenAndClaimTypeList_CopyTheListedClaims()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));
        var idToken = TokenAssert.IdToken("{\"sub\":\"s\",\"name\":\"Ann\",\"roles\":[\"admin\",\"dev\"],\"email\":\"a@b\"}");

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateClaims", headers: new Dictionary<string, string>
        {
            ["x-ms-client-principal-name"] = "ann@contoso.com",
            ["x-ms-token-aad-id-token"] = idToken,
        }))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience, host.Time.GetUtcNow());
        Assert.Equal("ann@contoso.com", jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal("Ann", jwt.GetClaim("name").Value);
        Assert.Equal(new[] { "admin", "dev" }, jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.False(jwt.TryGetClaim("email", out _));
    }

    [Fact]
    public async Task Negotiate_AppSettingExpressions_ResolveHubSettingAndLifetime()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(Functions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateSettings"))!;

        Assert.Equal("http://localhost:8888/client/?hub=chatroom", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, OtherKey, "http://localhost/client/?hub=chatroom", host.Time.GetUtcNow());
        await TokenAssert.InvalidAsync(info.AccessToken!, Key, "http://localhost/client/?hub=chatroom");
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(120).UtcDateTime, jwt.ValidTo);
    }

    // Each mistake twice: under [SignalRInfo] and under [SignalRConnectionInfo]; both must fail indexing with one message.
    public static class MissingHub
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRInfo] SignalRConnectionInfo info) => info;
    }

    public static class MissingHubClassic
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo] SignalRConnectionInfo info) => info;
    }

    public static class InvalidHub
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRInfo(HubName = "chat room")] SignalRConnectionInfo info) => info;
    }

    public static class InvalidHubClassic
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat room")] SignalRConnectionInfo info) => info;
    }

    public static class NegativeLifetime
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRInfo(HubName = "chat", TokenLifetimeSeconds = -5)] SignalRConnectionInfo info) => info;
    }

    public static class NegativeLifetimeClassic
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", TokenLifetimeSeconds = -5)] SignalRConnectionInfo info) => info;
    }

    public static class CustomSetting
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRInfo(HubName = "chat", ConnectionStringSetting = "MySignalR")] SignalRConnectionInfo info) => info;
    }

    public static class CustomSettingClassic
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", ConnectionStringSetting = "MySignalR")] SignalRConnectionInfo info) => info;
    }

    public static class IdTokenOnly
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRInfo(HubName = "chat", IdToken = "{headers.x-ms-token-aad-id-token}")] SignalRConnectionInfo info) => info;
    }

    public static TheoryData<Type, Type, string> IndexingCases => new()
    {
        { typeof(MissingHub), typeof(MissingHubClassic), ErrorMessages.HubNameMissing },
        { typeof(InvalidHub), typeof(InvalidHubClassic), ErrorMessages.Format(ErrorMessages.HubNameInvalid, "chat room") },
        { typeof(NegativeLifetime), typeof(NegativeLifetimeClassic), ErrorMessages.Format(ErrorMessages.TokenLifetimeSecondsOutOfRange, -5) },
        { typeof(CustomSetting), typeof(CustomSettingClassic), ErrorMessages.Format(ErrorMessages.SettingNotFound, "MySignalR") },
    };

    [Theory]
    [MemberData(nameof(IndexingCases))]
    public async Task Start_ConfigurationMistake_FailsIndexingWithTheSameMessageAsSignalRConnectionInfo(Type functions, Type classicFunctions, string expected)
    {
        var message = await IndexingErrorAsync(functions);
        var classicMessage = await IndexingErrorAsync(classicFunctions);

        Assert.Equal(expected, message);
        Assert.Equal(classicMessage, message);
    }

    [Fact]
    public async Task Start_IdTokenWithoutClaimTypeList_WarnsAsForSignalRConnectionInfo()
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, typeof(IdTokenOnly));
        await host.StartAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3);
        Assert.Equal("IdTokenWithoutClaimTypeList", warning.EventId.Name);
        Assert.Contains("hub 'chat'", warning.Message);
    }

    /// <summary>Starts a host that must fail indexing 'negotiate' and returns the validator's message.</summary>
    private static async Task<string> IndexingErrorAsync(Type functions)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, functions);
        var error = await Assert.ThrowsAsync<FunctionIndexingException>(() => host.StartAsync());
        Assert.Equal("Error indexing method 'negotiate'", error.Message);
        Assert.DoesNotContain(Key, error.ToString());

        // WebJobs wraps the validator's exception once more with the parameter name.
        var inner = error.InnerException!;
        while (inner.InnerException is not null && inner.Message.StartsWith("Error while validating", StringComparison.Ordinal))
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }
}
