using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using SignalRInfo.TestSupport;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>SignalRInfoOptions.IdentityKeyWaitTimeout: default, range, Format, and host.json binding.</summary>
public class SignalRInfoOptionsIdentityKeyWaitTimeoutTests
{
    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, [SignalRConnectionInfo(HubName = "chat")] SignalRConnectionInfo info) => info;
    }

    [Fact]
    public void IdentityKeyWaitTimeout_DefaultsToThirtySeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new SignalRInfoOptions().IdentityKeyWaitTimeout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(300)]
    public void IdentityKeyWaitTimeout_InRange_IsKept(int seconds)
    {
        var options = new SignalRInfoOptions { IdentityKeyWaitTimeout = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.IdentityKeyWaitTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(301)]
    public void IdentityKeyWaitTimeout_OutOfRange_ThrowsNamingTheSetting(int seconds)
    {
        var options = new SignalRInfoOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.IdentityKeyWaitTimeout = TimeSpan.FromSeconds(seconds));

        Assert.Equal("IdentityKeyWaitTimeout", error.ParamName);
        Assert.StartsWith(ErrorMessages.Format(ErrorMessages.IdentityKeyWaitTimeoutOutOfRange, "SignalRInfoOptions.IdentityKeyWaitTimeout (host.json 'extensions:signalRInfo:identityKeyWaitTimeout')", TimeSpan.FromSeconds(seconds)), error.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), options.IdentityKeyWaitTimeout);
    }

    [Fact]
    public void Format_IncludesIdentityKeyWaitTimeout()
    {
        var formatted = JObject.Parse(new SignalRInfoOptions { IdentityKeyWaitTimeout = TimeSpan.FromSeconds(10) }.Format());

        Assert.Equal("00:00:10", (string?)formatted["IdentityKeyWaitTimeout"]);
    }

    [Fact]
    public async Task Start_OutOfRangeInHostJson_FailsWithTheRule()
    {
        await using var host = TestHost.Create(
            new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=k", ["AzureWebJobs:extensions:signalRInfo:identityKeyWaitTimeout"] = "00:10:00" },
            typeof(Functions));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(ErrorMessages.Format(ErrorMessages.IdentityKeyWaitTimeoutOutOfRange, "SignalRInfoOptions.IdentityKeyWaitTimeout (host.json 'extensions:signalRInfo:identityKeyWaitTimeout')", TimeSpan.FromMinutes(10)), error.ToString());
    }

    [Fact]
    public async Task Negotiate_HostJsonWait_IsHowLongANegotiateWaitsForAKey()
    {
        await using var server = KeyEndpointServer.Start();
        var held = new HeldReply();
        server.Responder = _ => held.WaitAsync(server.Stopping);
        var credentials = new FakeCredentialFactory();
        await using var host = TestHost.Create(
            new Dictionary<string, string?>
            {
                ["AzureSignalRConnectionString"] = $"Endpoint=http://127.0.0.1;Port={server.Port};AuthType=azure",
                ["AzureWebJobs:extensions:signalRInfo:identityKeyWaitTimeout"] = "00:00:05",
            },
            b =>
            {
                b.AddSignalRConnectionInfo();
                b.Services.AddSingleton<IServiceCredentialFactory>(credentials);
            },
            typeof(Functions));
        await host.StartAsync();
        await server.WaitForRequestsAsync(1);

        var negotiate = host.CallAsync("negotiate");
        var real = Stopwatch.StartNew();
        while (!negotiate.IsCompleted && real.Elapsed < TimeSpan.FromSeconds(60))
        {
            // The wait's timer is created by the invocation, whenever a slow machine gets there; step the fake
            // clock until it fires (bounded in real time, so a late invocation still meets a moving clock).
            host.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(negotiate, Task.Delay(20));
        }

        var error = await Assert.ThrowsAsync<FunctionInvocationException>(() => negotiate);
        Assert.Contains(
            ErrorMessages.Format(ErrorMessages.KeyWaitTimedOut, TimeSpan.FromSeconds(5), ErrorMessages.KeyStillPending, "SignalRInfoOptions.IdentityKeyWaitTimeout (host.json 'extensions:signalRInfo:identityKeyWaitTimeout')"),
            string.Join("\n", SignalRConnectionInfoBindingTests.Messages(error)));
        Assert.True(host.Time.GetUtcNow() - host.Time.Start >= TimeSpan.FromSeconds(5));
    }
}
