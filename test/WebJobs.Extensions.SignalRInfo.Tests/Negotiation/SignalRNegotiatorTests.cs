using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// <see cref="ISignalRNegotiator"/> in a WebJobs host: registered by AddSignalRConnectionInfo(), injected into an
/// in-process function class, tokens verified with Microsoft.IdentityModel and their payload read as JSON.
/// </summary>
public sealed class SignalRNegotiatorTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;
    private const string OtherKey = SignalRConnectionInfoBindingTests.OtherKey;
    private const string Audience = "https://contoso.service.signalr.net/client/?hub=";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection,
        ["Other"] = "Endpoint=https://other.service.signalr.net;AccessKey=" + OtherKey + ";Version=1.0;",
    };

    [Fact]
    public async Task FunctionClass_InjectedNegotiator_NegotiatesForTheHubOfTheRoute()
    {
        await using var host = await TestHost.StartAsync(Settings(), typeof(NegotiatorFunctions));

        var info = (SignalRConnectionInfo)(await host.CallForResponseAsync("NegotiateInCode", "hub=Chat&user=alice"))!;

        Assert.Equal(Audience + "chat", info.Url);
        var token = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "chat", host.Time.GetUtcNow());
        Assert.Equal("alice", token.GetPayloadValue<string>("asrs.s.uid"));
        Assert.Equal("admin", token.GetPayloadValue<string>("role"));
    }

    [Fact]
    public async Task Negotiate_ClaimsKeepTheirValueTypes_AndFollowTheBindingRules()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var info = await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions
        {
            UserId = "bob",
            Claims = new[]
            {
                new Claim("age", "42", ClaimValueTypes.Integer),
                new Claim("small", "7", ClaimValueTypes.Integer32),
                new Claim("admin", "True", ClaimValueTypes.Boolean),
                new Claim("score", "1e3", ClaimValueTypes.Double),
                new Claim("ratio", "0.5", ClaimValueTypes.Double),
                new Claim("notanumber", "x", ClaimValueTypes.Integer),
                new Claim("role", "a"),
                new Claim("role", "b"),
                new Claim("aud", "forged"),
                new Claim("asrs.s.uid", "mallory"),
                new Claim("ASRS.S.AUT", "forged"),
                new Claim("sub", "s1"),
                new Claim("sub", "s2"),
            },
        });

        await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "chat", host.Time.GetUtcNow());
        using var payload = JsonDocument.Parse(TokenAssert.DecodePart(info.AccessToken!, 1));
        var root = payload.RootElement;
        Assert.Equal("bob", root.GetProperty("asrs.s.uid").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("age").ValueKind);
        Assert.Equal(42, root.GetProperty("age").GetInt64());
        Assert.Equal(7, root.GetProperty("small").GetInt32());
        Assert.Equal(JsonValueKind.True, root.GetProperty("admin").ValueKind);
        Assert.Equal(1000.0, root.GetProperty("score").GetDouble());
        Assert.Equal(0.5, root.GetProperty("ratio").GetDouble());
        Assert.Equal("x", root.GetProperty("notanumber").GetString());
        Assert.Equal(new[] { "a", "b" }, new[] { root.GetProperty("role")[0].GetString(), root.GetProperty("role")[1].GetString() });
        Assert.Equal("forged", root.GetProperty("asrs.u.aud").GetString());
        Assert.Equal(Audience + "chat", root.GetProperty("aud").GetString());
        Assert.Equal("s1", root.GetProperty("sub").GetString());
        Assert.Equal("s2", root.GetProperty("asrs.u.sub").GetString());
        Assert.False(root.TryGetProperty("ASRS.S.AUT", out _));
        Assert.DoesNotContain("mallory", payload.RootElement.GetRawText());
    }

    [Fact]
    public async Task Negotiate_LifetimeAndSetting_AreTheCallsOwn()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var info = await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { TokenLifetime = TimeSpan.FromMinutes(5), ConnectionStringSetting = "Other" });

        Assert.Equal("https://other.service.signalr.net/client/?hub=chat", info.Url);
        var token = await TokenAssert.ValidAsync(info.AccessToken!, OtherKey, "https://other.service.signalr.net/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.ValidFrom);
    }

    [Fact]
    public async Task Negotiate_NoOptions_UsesTheHostDefaults()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var info = await negotiator.NegotiateAsync("chat");

        var token = await TokenAssert.ValidAsync(info.AccessToken!, Key, Audience + "chat", host.Time.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.ValidFrom);
        Assert.False(token.TryGetPayloadValue<string>("asrs.s.uid", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9lives")]
    [InlineData("chat\nforged log line")]
    public async Task Negotiate_InvalidHub_ArgumentExceptionWithTheRuleAndTheValueEscaped(string hub)
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await negotiator.NegotiateAsync(hub));

        Assert.Equal("hubName", error.ParamName);
        Assert.DoesNotContain("\n", error.Message);
        Assert.Contains(hub.Length == 0 ? "without a hub name" : ErrorMessages.HubNameRule, error.Message);
    }

    [Fact]
    public async Task Negotiate_MissingSetting_NamesItAndHowToFixIt()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { ConnectionStringSetting = "Missing" }));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.SettingNotFound, "Missing"), error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(86401)]
    public async Task Negotiate_LifetimeOutOfRange_NamesTheOption(int seconds)
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { TokenLifetime = TimeSpan.FromSeconds(seconds) }));

        Assert.StartsWith("SignalRNegotiateOptions.TokenLifetime is " + TimeSpan.FromSeconds(seconds), error.Message);
    }

    [Fact]
    public async Task Negotiate_TokenTooLong_NamesTheNegotiatorsInputsAndHoldsNoSecret()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { Claims = new[] { new Claim("big", new string('x', 5000)) } }));

        Assert.Contains("SignalRNegotiateOptions.Claims", error.Message);
        Assert.DoesNotContain(Key, error.Message);
        Assert.DoesNotContain("xxxxxxxx", error.Message);
    }

    [Fact]
    public async Task Negotiate_UserIdWithALoneSurrogate_ArgumentExceptionNamingTheOption()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { UserId = "a\ud800b" }));

        Assert.StartsWith("SignalRNegotiateOptions.UserId holds an unpaired UTF-16 surrogate at character 1", error.Message);
    }

    [Fact]
    public async Task Negotiate_NullClaim_ArgumentExceptionNamingItsPosition()
    {
        await using var host = await TestHost.StartAsync(Settings());
        var negotiator = host.Services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { Claims = new Claim[] { new("a", "b"), null! } }));

        Assert.StartsWith(ErrorMessages.Format(ErrorMessages.NegotiatorNullClaim, 1), error.Message);
    }

    /// <summary>An in-process function class: the negotiator comes through its constructor.</summary>
    public sealed class NegotiatorFunctions
    {
        private readonly ISignalRNegotiator _negotiator;

        public NegotiatorFunctions(ISignalRNegotiator negotiator) => _negotiator = negotiator;

        [FunctionName("NegotiateInCode")]
        public async Task<SignalRConnectionInfo> NegotiateInCode([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req)
        {
            return await _negotiator.NegotiateAsync(req.Query["hub"].ToString(), new SignalRNegotiateOptions
            {
                UserId = req.Query["user"].ToString(),
                Claims = new[] { new Claim("role", "admin") },
            });
        }
    }
}
