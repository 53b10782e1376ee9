using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>End to end through a real JobHost: HttpTrigger functions called with a real HttpRequest.</summary>
public class SignalRConnectionInfoBindingTests
{
    internal const string Key = "MainKey0123456789abcdefghijklmnopqrstuvwxyz=";
    internal const string OtherKey = "OtherKey0123456789abcdefghijklmnopqrstuvwxyz";
    internal const string Connection = "Endpoint=https://contoso.service.signalr.net;AccessKey=" + Key + ";Version=1.0;";

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = Connection };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static class BasicFunctions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateUser")]
        public static SignalRConnectionInfo NegotiateUser(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-id}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateQuery")]
        public static SignalRConnectionInfo NegotiateQuery(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "{query.hub}", UserId = "{query.userName}")] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateString")]
        public static string NegotiateString(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-id}")] string connectionInfo) => connectionInfo;

        [FunctionName("negotiateJObject")]
        public static JObject NegotiateJObject(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1")] JObject connectionInfo) => connectionInfo;

        [FunctionName("negotiateClaims")]
        public static SignalRConnectionInfo NegotiateClaims(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1", UserId = "{headers.x-ms-client-principal-name}", IdToken = "{headers.x-ms-token-aad-id-token}", ClaimTypeList = new[] { "name", "roles" })] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateSettings")]
        public static SignalRConnectionInfo NegotiateSettings(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "%ChatHub%", ConnectionStringSetting = "%ConnectionName%", TokenLifetimeSeconds = 120)] SignalRConnectionInfo connectionInfo) => connectionInfo;

        [FunctionName("negotiateOther")]
        public static SignalRConnectionInfo NegotiateOther(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "Other", ConnectionStringSetting = "OtherSignalR")] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    private static Dictionary<string, string?> AllSettings() => Settings(
        ("ChatHub", "ChatRoom"),
        ("ConnectionName", "OtherSignalR"),
        ("OtherSignalR", "Endpoint=http://localhost;Port=8888;AccessKey=" + OtherKey + ";Version=1.0;"));

    [Fact]
    public async Task Negotiate_SeedExample_ReturnsUrlAndVerifiableToken()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var info = Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiate"));

        Assert.Equal("https://contoso.service.signalr.net/client/?hub=hubname1", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.False(jwt.TryGetClaim("asrs.s.uid", out _));
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, jwt.IssuedAt);
        Assert.Equal(host.Time.GetUtcNow().AddHours(1).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public async Task Negotiate_UserIdFromAppServiceHeader_IsInToken()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateUser", headers: new Dictionary<string, string> { ["x-ms-client-principal-id"] = "aad-user-42" }))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal("aad-user-42", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Negotiate_MissingHeaderForUserId_IsABindingError()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateUser"));

        Assert.Contains("x-ms-client-principal-id", error.ToString());
    }

    [Fact]
    public async Task Negotiate_HubAndUserFromQuery_AreResolvedAndLowerCased()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateQuery", "hub=Chat_Room&userName=ann"))!;

        Assert.Equal("https://contoso.service.signalr.net/client/?hub=chat_room", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=chat_room", host.Time.GetUtcNow());
        Assert.Equal("ann", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Negotiate_UserIdHeaderWithALoneSurrogate_FailsTheCallInsteadOfMappingToAnotherUser()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateUser", headers: new Dictionary<string, string> { ["x-ms-client-principal-id"] = "ann\ud800" }));

        Assert.Contains(ErrorMessages.Format(ErrorMessages.UserIdLoneSurrogate, 3), Messages(error));
    }

    [Theory]
    [InlineData("hub=1bad&userName=ann", "'1bad'")]
    [InlineData("hub=bad-name&userName=ann", "'bad-name'")]
    [InlineData("hub=&userName=ann", null)]
    [InlineData("hub=chat%0D%0A2026-01-01 Information forged log line&userName=ann", "'chat\\r\\n2026-01-01 Information forged log line'")]
    [InlineData("hub=it%27s%5C%00%1B%C2%85%E2%80%A8%E2%80%AE&userName=ann", "'it\\'s\\\\\\u0000\\u001b\\u0085\\u2028\\u202e'")]
    public async Task Negotiate_InvalidHubFromQuery_FailsTheCallNamingTheValueQuotedAndEscaped(string query, string? quoted)
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateQuery", query));

        var messages = Messages(error);
        Assert.Contains("Exception binding parameter 'connectionInfo'", messages);
        Assert.Contains(quoted is null ? ErrorMessages.HubNameMissing : ErrorMessages.Format(ErrorMessages.HubNameResolvedInvalid, quoted), messages);
        Assert.All(messages.Where(m => m.StartsWith("The HubName", StringComparison.Ordinal)), m => Assert.True(m.IndexOfAny(new[] { '\r', '\n', '\u0000', '\u2028' }) < 0, m));
    }

    [Fact]
    public async Task Negotiate_VeryLongInvalidHubFromQuery_IsTruncatedInTheMessage()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));
        var hub = "x" + new string('-', 5000);

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateQuery", "hub=" + hub + "&userName=ann"));

        var quoted = "'" + hub.Substring(0, ErrorMessages.MaxRequestValueLength) + "'… (5001 characters)";
        Assert.Contains(ErrorMessages.Format(ErrorMessages.HubNameResolvedInvalid, quoted), Messages(error));
    }

    [Fact]
    public async Task Negotiate_MissingQueryKey_IsABindingError()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateQuery", "userName=ann"));
    }

    [Fact]
    public async Task Negotiate_StringParameter_IsCompactCamelCaseJson()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var json = Assert.IsType<string>(await host.CallForResponseAsync("negotiateString", headers: new Dictionary<string, string> { ["x-ms-client-principal-id"] = "u1" }));

        var parsed = JObject.Parse(json);
        Assert.Equal(new[] { "url", "accessToken" }, ((IEnumerable<KeyValuePair<string, JToken?>>)parsed).Select(p => p.Key));
        Assert.Equal("{\"url\":\"https://contoso.service.signalr.net/client/?hub=hubname1\",\"accessToken\":\"" + parsed["accessToken"] + "\"}", json);
        var jwt = await TokenAssert.ValidAsync((string)parsed["accessToken"]!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal("u1", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Negotiate_JObjectParameter_HasCamelCaseProperties()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var json = Assert.IsType<JObject>(await host.CallForResponseAsync("negotiateJObject"));

        Assert.Equal("https://contoso.service.signalr.net/client/?hub=hubname1", (string?)json["url"]);
        await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Negotiate_IdTokenAndClaimTypeList_CopyTheListedClaims()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));
        var idToken = TokenAssert.IdToken("{\"sub\":\"s\",\"name\":\"Ann\",\"roles\":[\"admin\",\"dev\"],\"email\":\"a@b\",\"asrs.s.uid\":\"evil\"}");

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateClaims", headers: new Dictionary<string, string>
        {
            ["x-ms-client-principal-name"] = "ann@contoso.com",
            ["x-ms-token-aad-id-token"] = idToken,
        }))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal("ann@contoso.com", jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal("Ann", jwt.GetClaim("name").Value);
        Assert.Equal(new[] { "admin", "dev" }, jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.False(jwt.TryGetClaim("email", out _));
        Assert.Equal(new[] { "asrs.s.uid", "name", "roles", "nbf", "exp", "iat", "iss", "aud" }, TokenAssert.PayloadNames(info.AccessToken!));
    }

    [Fact]
    public async Task Negotiate_MalformedIdToken_FailsTheCallClearly()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("negotiateClaims", headers: new Dictionary<string, string>
        {
            ["x-ms-client-principal-name"] = "ann",
            ["x-ms-token-aad-id-token"] = "garbage-token-value",
        }));

        Assert.Contains(ErrorMessages.Format(ErrorMessages.IdTokenMalformed, ErrorMessages.IdTokenNotThreeParts), error.ToString());
        Assert.DoesNotContain("garbage-token-value", error.ToString());
    }

    [Fact]
    public async Task Negotiate_AppSettingExpressions_ResolveHubSettingAndLifetime()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateSettings"))!;

        Assert.Equal("http://localhost:8888/client/?hub=chatroom", info.Url);
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, OtherKey, "http://localhost/client/?hub=chatroom", host.Time.GetUtcNow());
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(120).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public async Task Negotiate_TwoSettingsInOneHost_EachSignsWithItsOwnKey()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));

        var main = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;
        var other = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiateOther"))!;

        await TokenAssert.ValidAsync(main.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        await TokenAssert.ValidAsync(other.AccessToken!, OtherKey, "http://localhost/client/?hub=other", host.Time.GetUtcNow());
        await TokenAssert.InvalidAsync(other.AccessToken!, Key, "http://localhost/client/?hub=other");
        Assert.Equal("http://localhost:8888/client/?hub=other", other.Url);
    }

    [Fact]
    public async Task Negotiate_TokensMintedLater_UseTheInjectedClock()
    {
        await using var host = await TestHost.StartAsync(AllSettings(), typeof(BasicFunctions));
        host.Time.Advance(TimeSpan.FromMinutes(10));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, jwt.IssuedAt);
    }

    [Theory]
    [InlineData("ConnectionStrings:AzureSignalRConnectionString")]
    [InlineData("AzureSignalRConnectionString")]
    [InlineData("AzureWebJobsAzureSignalRConnectionString")]
    public async Task Negotiate_ConnectionFromEachAcceptedPlace_Works(string settingKey)
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { [settingKey] = Connection }, typeof(SingleFunction));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;

        await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Negotiate_ConnectionStringsSection_WinsOverAppSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:AzureSignalRConnectionString"] = Connection,
            ["AzureSignalRConnectionString"] = "Endpoint=https://other;AccessKey=" + OtherKey,
        };
        await using var host = await TestHost.StartAsync(settings, typeof(SingleFunction));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;

        Assert.StartsWith("https://contoso.service.signalr.net/", info.Url);
    }

    /// <summary>The messages of an exception and all its inner exceptions.</summary>
    internal static List<string> Messages(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
        }

        return messages;
    }

    public static class SingleFunction
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "hubName1")] SignalRConnectionInfo connectionInfo) => connectionInfo;
    }

    [Theory]
    [InlineData("AzureWebJobs:extensions:signalRInfo:tokenLifetime", null)]
    [InlineData("AzureFunctionsJobHost:extensions:signalRInfo:tokenLifetime", "AzureFunctionsJobHost")]
    public async Task Options_HostJsonTokenLifetime_IsUsed(string key, string? rootSection)
    {
        var settings = Settings((key, "00:05:00"));
        if (rootSection is not null)
        {
            settings["AzureWebJobsConfigurationSection"] = rootSection;
        }

        await using var host = await TestHost.StartAsync(settings, typeof(SingleFunction));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(5).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public async Task Options_ConfiguredInCode_IsUsed()
    {
        await using var host = TestHost.Create(Settings(), b => b.AddSignalRConnectionInfo(o => o.TokenLifetime = TimeSpan.FromMinutes(2)), typeof(SingleFunction));
        await host.StartAsync();

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;

        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(2).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public async Task Options_OutOfRangeInHostJson_FailsStartWithTheRule()
    {
        await using var host = TestHost.Create(Settings(("AzureWebJobs:extensions:signalRInfo:tokenLifetime", "2.00:00:00")), typeof(SingleFunction));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(ErrorMessages.Format(ErrorMessages.TokenLifetimeOutOfRange, "SignalRInfoOptions.TokenLifetime (host.json 'extensions:signalRInfo:tokenLifetime')", TimeSpan.FromDays(2)), error.ToString());
    }

    [Fact]
    public async Task Negotiate_ConnectionSettingChanged_IsReReadWithoutRestart()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(SingleFunction));
        var configuration = (Microsoft.Extensions.Configuration.IConfiguration)host.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;

        configuration["AzureSignalRConnectionString"] = "Endpoint=https://rotated.service.signalr.net;AccessKey=" + OtherKey;
        ((Microsoft.Extensions.Configuration.IConfigurationRoot)configuration).Reload();
        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;

        Assert.StartsWith("https://rotated.service.signalr.net/", info.Url);
        await TokenAssert.ValidAsync(info.AccessToken!, OtherKey, "https://rotated.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
    }
}
