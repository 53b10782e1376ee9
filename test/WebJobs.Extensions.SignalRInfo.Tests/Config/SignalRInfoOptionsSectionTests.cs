using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// SignalRInfoOptions are bound from host.json <c>extensions:signalRInfo</c> only: <c>extensions:signalR</c> belongs to
/// Microsoft's SignalR Service extension and must not change our tokens. Lifetimes are read from the verified token
/// (<c>exp − iat</c>).
/// </summary>
public class SignalRInfoOptionsSectionTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;
    private const string Audience = "https://contoso.service.signalr.net/client/?hub=chat";

    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRInfo(HubName = "chat")] SignalRConnectionInfo info) => info;
    }

    private static async Task<TimeSpan> TokenLifetimeAsync(params (string Key, string Value)[] hostJson)
    {
        var settings = new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection };
        foreach (var (key, value) in hostJson)
        {
            settings[key] = value;
        }

        await using var host = await TestHost.StartAsync(settings, typeof(Functions));
        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("negotiate"))!;
        var jwt = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience, host.Time.GetUtcNow());
        return jwt.ValidTo - jwt.IssuedAt;
    }

    [Fact]
    public async Task TokenLifetime_InSignalRInfoSection_IsApplied()
    {
        var lifetime = await TokenLifetimeAsync(("AzureWebJobs:extensions:signalRInfo:tokenLifetime", "00:07:00"));

        Assert.Equal(TimeSpan.FromMinutes(7), lifetime);
    }

    [Fact]
    public async Task TokenLifetime_InMicrosoftSignalRSection_IsNotApplied()
    {
        var lifetime = await TokenLifetimeAsync(("AzureWebJobs:extensions:signalR:tokenLifetime", "00:07:00"));

        Assert.Equal(SignalRInfoOptions.DefaultTokenLifetime, lifetime);
    }

    [Fact]
    public async Task TokenLifetime_InBothSections_SignalRInfoWins()
    {
        var lifetime = await TokenLifetimeAsync(
            ("AzureWebJobs:extensions:signalR:tokenLifetime", "00:03:00"),
            ("AzureWebJobs:extensions:signalRInfo:tokenLifetime", "00:09:00"));

        Assert.Equal(TimeSpan.FromMinutes(9), lifetime);
    }

    [Fact]
    public async Task Options_OutOfRangeValuesInMicrosoftSignalRSection_AreNotReadAndTheHostStarts()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection,
            ["AzureWebJobs:extensions:signalR:tokenLifetime"] = "2.00:00:00",
            ["AzureWebJobs:extensions:signalR:identityKeyWaitTimeout"] = "01:00:00",
        };

        await using var host = await TestHost.StartAsync(settings, typeof(Functions));

        var options = host.Services.GetRequiredService<IOptions<SignalRInfoOptions>>().Value;
        Assert.Equal(SignalRInfoOptions.DefaultTokenLifetime, options.TokenLifetime);
        Assert.Equal(SignalRInfoOptions.DefaultIdentityKeyWaitTimeout, options.IdentityKeyWaitTimeout);
    }
}
