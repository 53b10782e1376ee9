using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>Configuration mistakes visible at indexing stop the host with the function's name and our full message.</summary>
public class SignalRConnectionInfoIndexingTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;

    public static class DefaultSetting
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat")] SignalRConnectionInfo info) => info;
    }

    public static class CustomSetting
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", ConnectionStringSetting = "MySignalR")] SignalRConnectionInfo info) => info;
    }

    public static class UnresolvedSettingName
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", ConnectionStringSetting = "%NoSuchSetting%")] SignalRConnectionInfo info) => info;
    }

    public static class InvalidHub
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat room")] SignalRConnectionInfo info) => info;
    }

    public static class MissingHub
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo] SignalRConnectionInfo info) => info;
    }

    public static class InvalidHubFromAppSetting
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "%HubSetting%")] SignalRConnectionInfo info) => info;
    }

    public static class NegativeLifetime
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", TokenLifetimeSeconds = -5)] SignalRConnectionInfo info) => info;
    }

    public static class TooLongLifetime
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", TokenLifetimeSeconds = 86401)] SignalRConnectionInfo info) => info;
    }

    public static class IdTokenOnly
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", IdToken = "{headers.x-ms-token-aad-id-token}")] SignalRConnectionInfo info) => info;
    }

    public static class LiteralIdTokenOnly
    {
        // A JWT written into the attribute: the warning must not log it.
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", IdToken = LiteralIdToken)] SignalRConnectionInfo info) => info;
    }

    public static class ClaimTypeListOnly
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", ClaimTypeList = new[] { "name" })] SignalRConnectionInfo info) => info;
    }

    public static class IdTokenAndEmptyClaimTypeList
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", IdToken = "{query.idToken}", ClaimTypeList = new string[0])] SignalRConnectionInfo info) => info;
    }

    public static class IdTokenAndClaimTypeList
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat", IdToken = "{headers.x-ms-token-aad-id-token}", ClaimTypeList = new[] { "name" })] SignalRConnectionInfo info) => info;
    }

    private const string LiteralIdToken = "eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiTGl0ZXJhbC1JZFRva2VuLVNlY3JldCJ9.c2lnbmF0dXJlLWxpdGVyYWw";

    private static async Task<(FunctionIndexingException Error, TestHost Host)> StartFailingAsync(Dictionary<string, string?> settings, Type functions)
    {
        var host = TestHost.Create(settings, functions);
        var error = await Assert.ThrowsAsync<FunctionIndexingException>(() => host.StartAsync());
        Assert.Equal("Error indexing method 'negotiate'", error.Message);
        Assert.Equal("negotiate", error.MethodName);
        return (error, host);
    }

    private static string Inner(Exception error)
    {
        // WebJobs wraps the validator's exception once more with the parameter name.
        var inner = error.InnerException!;
        while (inner.InnerException is not null && inner.Message.StartsWith("Error while validating", StringComparison.Ordinal))
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }

    public static TheoryData<string, Type, Dictionary<string, string?>, string> Cases => new()
    {
        { "missing default setting", typeof(DefaultSetting), new(), ErrorMessages.Format(ErrorMessages.SettingNotFound, "AzureSignalRConnectionString") },
        { "missing custom setting", typeof(CustomSetting), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, ErrorMessages.Format(ErrorMessages.SettingNotFound, "MySignalR") },
        { "empty setting", typeof(DefaultSetting), new() { ["AzureSignalRConnectionString"] = " " }, ErrorMessages.Format(ErrorMessages.SettingEmpty, "AzureSignalRConnectionString") },
        { "section without serviceUri", typeof(DefaultSetting), new() { ["AzureSignalRConnectionString:clientId"] = "abc" }, ErrorMessages.Format(ErrorMessages.SectionWithoutServiceUri, "AzureSignalRConnectionString") },
        { "unresolved %setting%", typeof(UnresolvedSettingName), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, ErrorMessages.Format(ErrorMessages.ConnectionSettingNameUnresolved, "%NoSuchSetting%") },
        { "malformed connection string", typeof(CustomSetting), new() { ["MySignalR"] = "AccessKey=" + Key }, ErrorMessages.Format(ErrorMessages.ConnectionStringTooShort, "MySignalR") },
        { "no endpoint", typeof(CustomSetting), new() { ["MySignalR"] = "AccessKey=" + Key + ";Version=1.0" }, ErrorMessages.Format(ErrorMessages.MissingEndpoint, "MySignalR") },
        { "bad port", typeof(CustomSetting), new() { ["MySignalR"] = "Endpoint=https://a;AccessKey=" + Key + ";Port=99999" }, ErrorMessages.Format(ErrorMessages.InvalidPort, "MySignalR") },
        { "bad version", typeof(DefaultSetting), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key + ";Version=2.0" }, ErrorMessages.Format(ErrorMessages.InvalidVersion, "AzureSignalRConnectionString") },
        { "invalid static hub", typeof(InvalidHub), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, ErrorMessages.Format(ErrorMessages.HubNameInvalid, "chat room") },
        { "missing hub", typeof(MissingHub), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, ErrorMessages.HubNameMissing },
        { "invalid hub from app setting", typeof(InvalidHubFromAppSetting), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key, ["HubSetting"] = "9lives" }, ErrorMessages.Format(ErrorMessages.HubNameInvalid, "9lives") },
        { "negative lifetime", typeof(NegativeLifetime), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, ErrorMessages.Format(ErrorMessages.TokenLifetimeSecondsOutOfRange, -5) },
        { "lifetime over a day", typeof(TooLongLifetime), new() { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, ErrorMessages.Format(ErrorMessages.TokenLifetimeSecondsOutOfRange, 86401) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Start_ConfigurationMistake_FailsIndexingWithFullMessage(string name, Type functions, Dictionary<string, string?> settings, string expected)
    {
        var (error, host) = await StartFailingAsync(settings, functions);
        await using (host)
        {
            Assert.True(expected == Inner(error), name + ": " + error);
            Assert.DoesNotContain(Key, error.ToString());
            Assert.DoesNotContain(Key, host.Logs.AllText);
        }
    }

    [Fact]
    public async Task Start_SettingNotFound_MessageListsEveryWayToFixIt()
    {
        var (error, host) = await StartFailingAsync(new Dictionary<string, string?>(), typeof(DefaultSetting));
        await using (host)
        {
            var message = Inner(error);
            Assert.Contains("app setting", message);
            Assert.Contains("ConnectionStrings:AzureSignalRConnectionString", message);
            Assert.Contains("AzureSignalRConnectionString__serviceUri", message);
            Assert.Contains("ConnectionStringSetting", message);
        }
    }

    [Fact]
    public async Task Start_UnknownConnectionStringKey_LogsAWarningNamingOnlyTheKey()
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key + ";AccesKey=typo-secret-value" }, typeof(DefaultSetting));
        await host.StartAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 1 && e.EventId.Name == "UnknownConnectionStringKey");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("'AccesKey'", warning.Message);
        Assert.Contains("'AzureSignalRConnectionString'", warning.Message);
        Assert.DoesNotContain("typo-secret-value", host.Logs.AllText);
    }

    [Fact]
    public async Task Start_EntryWhoseNameIsAPastedValue_LogsACountNeverTheText()
    {
        const string pasted = "PASTED-VALUE-IN-KEY-POSITION-0123456789abcdef";
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key + ";" + pasted + "=x" }, typeof(DefaultSetting));
        await host.StartAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 15 && e.EventId.Name == "UnnamedConnectionStringEntries");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("'AzureSignalRConnectionString' contains 1 entries", warning.Message);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId.Name == "UnknownConnectionStringKey");
        Assert.DoesNotContain("PASTED-VALUE", host.Logs.AllText);
    }

    [Fact]
    public async Task Start_UnknownAuthType_LogsAWarningThatDefaultAzureCredentialIsUsed()
    {
        var settings = new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a.service.signalr.net;AuthType=azure.msl;ClientId=typo-client" };
        await using var host = TestHost.Create(
            settings,
            b =>
            {
                b.AddSignalRConnectionInfo();
                b.Services.AddSingleton<IServiceCredentialFactory>(new FakeCredentialFactory());
            },
            typeof(DefaultSetting));
        await host.StartAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 2 && e.EventId.Name == "UnknownAuthType");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("'AzureSignalRConnectionString'", warning.Message);
        Assert.Contains("not one of azure, azure.msi, azure.app or aad; DefaultAzureCredential is used", warning.Message);
    }

    [Theory]
    [InlineData(typeof(IdTokenOnly), 3, "IdTokenWithoutClaimTypeList")]
    [InlineData(typeof(LiteralIdTokenOnly), 3, "IdTokenWithoutClaimTypeList")]
    [InlineData(typeof(IdTokenAndEmptyClaimTypeList), 3, "IdTokenWithoutClaimTypeList")]
    [InlineData(typeof(ClaimTypeListOnly), 4, "ClaimTypeListWithoutIdToken")]
    public async Task Start_IdTokenOrClaimTypeListAlone_StartsAndWarnsHowToFixIt(Type functions, int eventId, string eventName)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, functions);
        await host.StartAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Name is "IdTokenWithoutClaimTypeList" or "ClaimTypeListWithoutIdToken");
        Assert.Equal(eventId, warning.EventId.Id);
        Assert.Equal(eventName, warning.EventId.Name);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("hub 'chat'", warning.Message);
        if (eventId == 3)
        {
            Assert.Contains("sets IdToken but no ClaimTypeList, so no claim of the ID token is copied", warning.Message);
            Assert.Contains("ClaimTypeList = new[] { \"name\", \"email\" }", warning.Message);
            Assert.Contains("or remove IdToken", warning.Message);
        }
        else
        {
            Assert.Contains("sets ClaimTypeList but no IdToken, so the list has no effect", warning.Message);
            Assert.Contains("\"{headers.x-ms-token-aad-id-token}\"", warning.Message);
            Assert.Contains("or remove ClaimTypeList", warning.Message);
        }

        Assert.DoesNotContain("Literal-IdToken", host.Logs.AllText);
        Assert.DoesNotContain(LiteralIdToken, host.Logs.AllText);
        Assert.DoesNotContain(Key, host.Logs.AllText);
        Assert.IsType<SignalRConnectionInfo>(await host.CallForResponseAsync("negotiate", "idToken=x", new Dictionary<string, string> { ["x-ms-token-aad-id-token"] = LiteralIdToken }));
    }

    [Fact]
    public async Task Start_IdTokenWithClaimTypeList_NoWarning()
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + Key }, typeof(IdTokenAndClaimTypeList));
        await host.StartAsync();

        // EventId 20 (Microsoft's extension loaded) depends on what the test process has loaded: SignalRInfoExtensionConfigProviderTests covers it.
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.Contains("SignalRInfo", StringComparison.Ordinal) && e.EventId.Id != 20);
    }
}
