using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// The worker's <see cref="ISignalRNegotiator"/> from <c>AddSignalRNegotiator</c>, reading the worker's own
/// configuration; tokens verified with Microsoft.IdentityModel.
/// </summary>
public sealed class SignalRNegotiatorTests
{
    private const string Key = "WorkerKey0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Connection = "Endpoint=https://contoso.service.signalr.net;AccessKey=" + Key + ";Version=1.0;";

    [Fact]
    public async Task AddSignalRNegotiator_AppSetting_NegotiatesAVerifiableToken()
    {
        using var services = Services(new() { ["AzureSignalRConnectionString"] = Connection });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();

        var info = await negotiator.NegotiateAsync("Chat", new SignalRNegotiateOptions { UserId = "alice", Claims = new[] { new Claim("level", "3", ClaimValueTypes.Integer) } });

        Assert.Equal("https://contoso.service.signalr.net/client/?hub=chat", info.Url);
        var token = await ValidAsync(info.AccessToken!, "https://contoso.service.signalr.net/client/?hub=chat");
        Assert.Equal("alice", token.GetPayloadValue<string>("asrs.s.uid"));
        Assert.Equal(3L, token.GetPayloadValue<long>("level"));
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.ValidFrom);
    }

    [Fact]
    public async Task AddSignalRNegotiator_ConnectionStringsSection_IsReadAsTheHostReadsIt()
    {
        using var services = Services(new() { ["ConnectionStrings:AzureSignalRConnectionString"] = Connection });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();

        var info = await negotiator.NegotiateAsync("chat");

        await ValidAsync(info.AccessToken!, "https://contoso.service.signalr.net/client/?hub=chat");
    }

    [Fact]
    public async Task AddSignalRNegotiator_ConfiguredDefaults_AreUsedAndACallOverridesThem()
    {
        using var services = Services(
            new() { ["Mine"] = Connection },
            o =>
            {
                o.TokenLifetime = TimeSpan.FromMinutes(10);
                o.ConnectionStringSetting = "Mine";
            });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();

        var byDefault = await ValidAsync((await negotiator.NegotiateAsync("chat")).AccessToken!, "https://contoso.service.signalr.net/client/?hub=chat");
        var overridden = await ValidAsync((await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { TokenLifetime = TimeSpan.FromMinutes(2) })).AccessToken!, "https://contoso.service.signalr.net/client/?hub=chat");

        Assert.Equal(TimeSpan.FromMinutes(10), byDefault.ValidTo - byDefault.ValidFrom);
        Assert.Equal(TimeSpan.FromMinutes(2), overridden.ValidTo - overridden.ValidFrom);
    }

    [Fact]
    public async Task Negotiate_MissingSetting_NamesTheSettingAndHowToAddIt()
    {
        using var services = Services(new());
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await negotiator.NegotiateAsync("chat"));

        Assert.StartsWith("The SignalR Service connection setting 'AzureSignalRConnectionString' was not found.", error.Message);
    }

    [Fact]
    public async Task Negotiate_MalformedConnectionString_ErrorHoldsNoKey()
    {
        using var services = Services(new() { ["AzureSignalRConnectionString"] = "Endpoint=not a url;AccessKey=" + Key });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(async () => await negotiator.NegotiateAsync("chat"));

        Assert.Contains("AzureSignalRConnectionString", error.Message);
        Assert.DoesNotContain(Key, error.ToString());
    }

    public static TheoryData<string> EscapedTexts()
    {
        // The worker package is netstandard2.0: its JSON writer finds the runs it copies as they are a vector at a
        // time. Every character class sits before, inside and after a vector's width, in short and long text.
        var data = new TheoryData<string>();
        foreach (var special in new[] { "\"", "\\", "\n", "\u0001", "\u001f", "\u007f", "é", "\u2028", "\u0085", "😀", "/" })
        {
            foreach (var before in new[] { 0, 1, 7, 15, 16, 17, 31, 33, 64 })
            {
                data.Add(new string('a', before) + special + new string('z', 40 - (before % 40)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EscapedTexts))]
    public async Task Negotiate_TextThatNeedsEscaping_IsReadBackExactly(string text)
    {
        using var services = Services(new() { ["AzureSignalRConnectionString"] = Connection });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();

        var info = await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { UserId = text, Claims = new[] { new Claim("note", text), new Claim(text, "v") } });

        var token = await ValidAsync(info.AccessToken!, "https://contoso.service.signalr.net/client/?hub=chat");
        Assert.Equal(text, token.GetPayloadValue<string>("asrs.s.uid"));
        Assert.Equal(text, token.GetPayloadValue<string>("note"));
        Assert.Equal("v", token.GetPayloadValue<string>(text));
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(info.AccessToken!.Split('.')[1])));
        Assert.DoesNotContain('\u2028', payload);
        Assert.DoesNotContain('\u0085', payload);
    }

    [Theory]
    [InlineData(0, '\ud800')]
    [InlineData(15, '\udc00')]
    [InlineData(16, '\udbff')]
    [InlineData(17, '\udfff')]
    [InlineData(47, '\ud800')]
    public async Task Negotiate_UserIdWithALoneSurrogate_NamesItsPosition(int position, char surrogate)
    {
        // The netstandard2.0 build finds surrogates a vector at a time: before, at and after a vector's width.
        using var services = Services(new() { ["AzureSignalRConnectionString"] = Connection });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();
        var userId = new string('u', position) + surrogate + new string('v', 40);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { UserId = userId }));

        Assert.Equal(global::SignalRInfo.Core.ErrorMessages.Format(global::SignalRInfo.Core.ErrorMessages.NegotiatorUserIdLoneSurrogate, position), error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(31)]
    public async Task Negotiate_UserIdWithASurrogatePair_IsReadBackExactly(int position)
    {
        using var services = Services(new() { ["AzureSignalRConnectionString"] = Connection });
        var negotiator = services.GetRequiredService<ISignalRNegotiator>();
        var userId = new string('u', position) + "😀" + new string('v', 40);

        var info = await negotiator.NegotiateAsync("chat", new SignalRNegotiateOptions { UserId = userId });

        var token = await ValidAsync(info.AccessToken!, "https://contoso.service.signalr.net/client/?hub=chat");
        Assert.Equal(userId, token.GetPayloadValue<string>("asrs.s.uid"));
    }

    [Fact]
    public void SigningKey_OnDotNet_WritesTheHashIntoTheTokenBuffer()
    {
        // netstandard2.0 cannot name IncrementalHash.TryGetHashAndReset; the runtime has it, and the worker build uses it.
        Assert.True(global::SignalRInfo.Core.SigningKey.HashesInPlace);
    }

    [Fact]
    public void Options_OutOfRange_NameTheWorkerOption()
    {
        var options = new SignalRNegotiatorOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.TokenLifetime = TimeSpan.FromDays(2));
        var wait = Assert.Throws<ArgumentOutOfRangeException>(() => options.IdentityKeyWaitTimeout = TimeSpan.Zero);

        Assert.StartsWith("SignalRNegotiatorOptions.TokenLifetime (AddSignalRNegotiator) is 2.00:00:00", error.Message);
        Assert.StartsWith("SignalRNegotiatorOptions.IdentityKeyWaitTimeout (AddSignalRNegotiator) is 00:00:00", wait.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<SignalRNegotiatorOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        if (configure is null)
        {
            services.AddSignalRNegotiator();
        }
        else
        {
            services.AddSignalRNegotiator(configure);
        }

        return services.BuildServiceProvider();
    }

    private static string Pad(string base64Url) => base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);

    private static async Task<JsonWebToken> ValidAsync(string token, string audience)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)),
            ValidAudience = audience,
            ValidIssuer = "azure-signalr",
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });
        Assert.True(result.IsValid, "token rejected: " + result.Exception);
        return (JsonWebToken)result.SecurityToken;
    }
}
