using System;
using System.Linq;
using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>The token checks on a fixed clock: clock skew boundaries, audience shapes, claims.</summary>
public class AccessTokenValidatorTests
{
    private const string Audience = "http://localhost/client/?hub=chat";
    private const long Now = 1_800_000_000;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));
    private readonly LocalServiceState _state = new(TestTokens.Key);

    private AccessTokenValidator Validator(int skewSeconds = 5) => new(_state, _clock, TimeSpan.FromSeconds(skewSeconds));

    private static string Token(string payload) => TestTokens.HandMade(TestTokens.Header(), payload);

    [Theory]
    [InlineData(-4, true)]
    [InlineData(-5, false)]
    [InlineData(-60, false)]
    [InlineData(1, true)]
    public void Validate_ExpirationAroundTheClockSkew_IsCheckedWithFiveSeconds(int expFromNow, bool accepted)
    {
        var outcome = Validator().Validate(Token($"{{\"exp\":{Now + expFromNow},\"aud\":\"{Audience}\"}}"), Audience);

        Assert.Equal(accepted, outcome.Principal is not null);
        if (!accepted)
        {
            Assert.Equal(LocalServiceMessages.TokenExpired(DateTimeOffset.FromUnixTimeSeconds(Now + expFromNow)), outcome.Error);
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Validate_ZeroClockSkew_NeedsExpirationStrictlyInTheFuture(int expFromNow, bool accepted)
    {
        var outcome = Validator(0).Validate(Token($"{{\"exp\":{Now + expFromNow},\"aud\":\"{Audience}\"}}"), Audience);

        Assert.Equal(accepted, outcome.Principal is not null);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Validate_NotBeforeAroundTheClockSkew_IsCheckedWithFiveSeconds(int nbfFromNow, bool accepted)
    {
        var outcome = Validator().Validate(Token($"{{\"nbf\":{Now + nbfFromNow},\"exp\":{Now + 3600},\"aud\":\"{Audience}\"}}"), Audience);

        Assert.Equal(accepted, outcome.Principal is not null);
        if (!accepted)
        {
            Assert.Equal(LocalServiceMessages.TokenNotYetValid(DateTimeOffset.FromUnixTimeSeconds(Now + nbfFromNow)), outcome.Error);
        }
    }

    [Fact]
    public void Validate_FractionalExpiration_IsANumericDate()
    {
        var outcome = Validator().Validate(Token($"{{\"exp\":{Now + 10}.5,\"aud\":\"{Audience}\"}}"), Audience);

        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Validate_AudienceArrayWithTheExpectedOne_IsAccepted()
    {
        var outcome = Validator().Validate(Token($"{{\"exp\":{Now + 60},\"aud\":[\"http://other/\",\"{Audience}\"]}}"), Audience);

        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Validate_AudienceNotAString_IsRefused()
    {
        var outcome = Validator().Validate(Token($"{{\"exp\":{Now + 60},\"aud\":42}}"), Audience);

        Assert.Equal(LocalServiceMessages.ClaimNotAString("aud"), outcome.Error);
    }

    [Fact]
    public void Validate_EveryJsonType_BecomesClaimsOfAnAuthenticatedIdentityNamedByUserId()
    {
        var payload = $"{{\"asrs.s.uid\":\"alice\",\"role\":[\"a\",\"b\"],\"n\":7,\"d\":1.5,\"ok\":true,\"obj\":{{\"x\":1}},\"none\":null,\"exp\":{Now + 60},\"iss\":\"azure-signalr\",\"aud\":\"{Audience}\"}}";

        var principal = Validator().Validate(Token(payload), Audience).Principal!;

        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Equal("alice", principal.Identity.Name);
        Assert.Equal(new[] { "a", "b" }, principal.FindAll("role").Select(c => c.Value));
        Assert.Equal(("7", ClaimValueTypes.Integer64), (principal.FindFirst("n")!.Value, principal.FindFirst("n")!.ValueType));
        Assert.Equal(("1.5", ClaimValueTypes.Double), (principal.FindFirst("d")!.Value, principal.FindFirst("d")!.ValueType));
        Assert.Equal(("true", ClaimValueTypes.Boolean), (principal.FindFirst("ok")!.Value, principal.FindFirst("ok")!.ValueType));
        Assert.Equal("{\"x\":1}", principal.FindFirst("obj")!.Value);
        Assert.Null(principal.FindFirst("none"));
    }

    [Fact]
    public void Validate_EmptyUserId_StillCounts()
    {
        var principal = Validator().Validate(Token($"{{\"asrs.s.uid\":\"\",\"exp\":{Now + 60},\"aud\":\"{Audience}\"}}"), Audience).Principal!;

        Assert.Equal(string.Empty, principal.FindFirst("asrs.s.uid")!.Value);
    }

    [Fact]
    public void Validate_KidOfAnIssuedKey_ChecksWithThatKeyOnly()
    {
        var (keyId, accessKey) = _state.IssueKey();
        var payload = $"{{\"exp\":{Now + 60},\"aud\":\"{Audience}\"}}";

        Assert.Null(Validator().Validate(TestTokens.HandMade(TestTokens.Header(kid: keyId), payload, accessKey), Audience).Error);
        Assert.Equal(LocalServiceMessages.InvalidSignature, Validator().Validate(TestTokens.HandMade(TestTokens.Header(kid: keyId), payload), Audience).Error);
        Assert.Equal(LocalServiceMessages.InvalidSignature, Validator().Validate(TestTokens.HandMade(TestTokens.Header(kid: "other"), payload, accessKey), Audience).Error);
    }

    private static string RawToken(byte[] header, byte[] payload, string key = TestTokens.Key)
    {
        var signingInput = TestTokens.Encode(header) + "." + TestTokens.Encode(payload);
        return signingInput + "." + TestTokens.Encode(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.ASCII.GetBytes(signingInput)));
    }

    public static TheoryData<string, byte[]> BadUnicodeHeaders => new()
    {
        { "lone surrogate escape in alg", System.Text.Encoding.UTF8.GetBytes("{\"alg\":\"HS256\\ud800\",\"typ\":\"JWT\"}") },
        { "lone surrogate escape in kid", System.Text.Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"kid\":\"k\\udc00\"}") },
        { "invalid UTF-8 in alg", new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'l', (byte)'g', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' } },
        { "invalid UTF-8 in kid", new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'l', (byte)'g', (byte)'"', (byte)':', (byte)'"', (byte)'H', (byte)'S', (byte)'2', (byte)'5', (byte)'6', (byte)'"', (byte)',', (byte)'"', (byte)'k', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' } },
    };

    [Theory]
    [MemberData(nameof(BadUnicodeHeaders))]
    public void Validate_HeaderWithBadUnicode_IsAMalformedHeaderNotAnException(string name, byte[] header)
    {
        var token = RawToken(header, System.Text.Encoding.UTF8.GetBytes($"{{\"exp\":{Now + 60},\"aud\":\"{Audience}\"}}"));

        var outcome = Validator().Validate(token, Audience);

        Assert.True(outcome.Error == LocalServiceMessages.MalformedHeader, name + ": " + outcome.Error);
    }

    [Theory]
    [InlineData("{\"exp\":" + "1800000060" + ",\"aud\":\"http://localhost/client/?hub=chat\\ud800\"}")]
    [InlineData("{\"exp\":" + "1800000060" + ",\"iss\":\"\\udc00\",\"aud\":\"http://localhost/client/?hub=chat\"}")]
    [InlineData("{\"exp\":" + "1800000060" + ",\"name\\ud800\":\"x\",\"aud\":\"http://localhost/client/?hub=chat\"}")]
    [InlineData("{\"exp\":" + "1800000060" + ",\"name\":[\"\\ud800\"],\"aud\":\"http://localhost/client/?hub=chat\"}")]
    public void Validate_SignedPayloadWithBadUnicode_IsAMalformedPayloadNotAnException(string payload)
    {
        var outcome = Validator().Validate(Token(payload), Audience);

        Assert.Equal(LocalServiceMessages.MalformedPayload, outcome.Error);
    }

    [Theory]
    [InlineData("253402300799")]
    [InlineData("253402300800")]
    [InlineData("1e300")]
    [InlineData("9223372036854775807")]
    public void Validate_SignedTokenWithAHugeExp_IsAcceptedNotAnException(string exp)
    {
        var outcome = Validator().Validate(Token($"{{\"exp\":{exp},\"aud\":\"{Audience}\"}}"), Audience);

        Assert.Null(outcome.Error);
    }

    [Theory]
    [InlineData("-1e300")]
    [InlineData("-62135596800")]
    public void Validate_SignedTokenWithAHugeNegativeExp_IsExpiredNotAnException(string exp)
    {
        var outcome = Validator().Validate(Token($"{{\"exp\":{exp},\"aud\":\"{Audience}\"}}"), Audience);

        Assert.StartsWith("token expired at ", outcome.Error);
    }
}
