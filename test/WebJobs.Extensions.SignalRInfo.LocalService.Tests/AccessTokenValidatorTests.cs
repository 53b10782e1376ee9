using System;
using System.Linq;
using System.Security.Claims;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>The token checks on a fixed clock: clock skew boundaries, audience shapes, claims.</summary>
public class AccessTokenValidatorTests
{
    private const string Audience = "http://localhost/client/?hub=chat";
    private const long Now = 1_800_000_000;

    private readonly FixedTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));
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
}
