using System;
using System.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class IdTokenClaimReaderTests
{
    [Fact]
    public void Read_FiltersByExactCaseSensitiveTypes_InTokenOrder()
    {
        var idToken = TokenAssert.IdToken("{\"name\":\"Ann\",\"Email\":\"x@y\",\"email\":\"ann@contoso.com\",\"oid\":\"123\"}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { "email", "name" })!;

        Assert.Equal(new[] { "name", "email" }, claims.Select(c => c.Type));
        Assert.Equal("ann@contoso.com", claims[1].Values().Single().Text);
    }

    [Fact]
    public void Read_ReservedNames_AreRenamed()
    {
        var idToken = TokenAssert.IdToken("{\"aud\":\"a\",\"exp\":1,\"iat\":2,\"nbf\":3,\"iss\":\"i\",\"actort\":\"x\",\"acr\":\"1\",\"azp\":\"p\",\"c_hash\":\"h\",\"jti\":\"j\",\"nonce\":\"n\"}");
        var types = new[] { "aud", "exp", "iat", "nbf", "iss", "actort", "acr", "azp", "c_hash", "jti", "nonce" };

        var claims = IdTokenClaimReader.Read(idToken, types)!;

        Assert.Equal(types.Select(t => "asrs.u." + t), claims.Select(c => c.Type));
        Assert.True(claims.Single(c => c.Type == "asrs.u.exp").Values().Single().IsJson);
    }

    [Fact]
    public void Read_FirstSubKept_LaterSubsRenamed()
    {
        var idToken = TokenAssert.IdToken("{\"sub\":[\"s1\",\"s2\",\"s3\"]}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { "sub" })!;

        Assert.Equal("s1", claims.Single(c => c.Type == "sub").Values().Single().Text);
        Assert.Equal(new[] { "s2", "s3" }, claims.Single(c => c.Type == "asrs.u.sub").Values().Select(v => v.Text));
    }

    [Fact]
    public void Read_ServiceClaims_AreNeverCopied()
    {
        var idToken = TokenAssert.IdToken("{\"asrs.s.uid\":\"admin\",\"asrs.s.aut\":\"x\",\"name\":\"Eve\"}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { "asrs.s.uid", "asrs.s.aut", "name" })!;

        Assert.Equal(new[] { "name" }, claims.Select(c => c.Type));
    }

    [Fact]
    public void Read_ArraysAndTypes_KeepValuesAndJsonTypes()
    {
        var idToken = TokenAssert.IdToken("{\"roles\":[\"a\",\"b\"],\"age\":42,\"verified\":false,\"one\":[\"only\"],\"none\":[]}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { "roles", "age", "verified", "one", "none" })!;

        Assert.Equal(new[] { "roles", "age", "verified", "one" }, claims.Select(c => c.Type));
        Assert.Equal(new[] { "a", "b" }, claims[0].Values().Select(v => v.Text));
        Assert.Equal(("42", true), (claims[1].Values().Single().Text, claims[1].Values().Single().IsJson));
        Assert.Equal(("false", true), (claims[2].Values().Single().Text, claims[2].Values().Single().IsJson));
        Assert.Single(claims[3].Values());
    }

    [Fact]
    public void Read_BearerPrefix_IsAccepted()
    {
        var claims = IdTokenClaimReader.Read("Bearer " + TokenAssert.IdToken("{\"name\":\"Ann\"}"), new[] { "name" });

        Assert.Equal("Ann", claims!.Single().Values().Single().Text);
    }

    [Theory]
    [InlineData(null, new[] { "name" })]
    [InlineData("", new[] { "name" })]
    [InlineData("  ", new[] { "name" })]
    [InlineData("not-a-token", null)]
    [InlineData("not-a-token", new string[0])]
    public void Read_NothingToCopy_ReturnsNull(string? idToken, string[]? types)
    {
        Assert.Null(IdTokenClaimReader.Read(idToken, types));
    }

    [Fact]
    public void Read_NoMatchingClaim_ReturnsNull()
    {
        Assert.Null(IdTokenClaimReader.Read(TokenAssert.IdToken("{\"name\":\"Ann\"}"), new[] { "email" }));
    }

    public static TheoryData<string, string> MalformedTokens => new()
    {
        { "secretpart1.secretpart2", ErrorMessages.IdTokenNotThreeParts },
        { "a.b.c.d.e", ErrorMessages.IdTokenNotThreeParts },
        { "eyJhbGciOiJub25lIn0.!!!secret!!!.sig", ErrorMessages.IdTokenPayloadNotBase64Url },
        { "eyJhbGciOiJub25lIn0." + TokenAssert.Base64Url("{\"secretvalue\": ") + ".sig", ErrorMessages.IdTokenPayloadNotJsonObject },
        { "eyJhbGciOiJub25lIn0." + TokenAssert.Base64Url("[\"secretvalue\"]") + ".sig", ErrorMessages.IdTokenPayloadNotJsonObject },
        { "eyJhbGciOiJub25lIn0." + TokenAssert.Base64Url("secretvalue") + ".sig", ErrorMessages.IdTokenPayloadNotJsonObject },
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public void Read_Malformed_FailsClearlyWithoutEchoingTheToken(string idToken, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => IdTokenClaimReader.Read(idToken, new[] { "name" }));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.IdTokenMalformed, reason), error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Null(error.InnerException);
    }

    [Theory]
    [InlineData("ASRS.S.UID")]
    [InlineData("Asrs.s.uid")]
    [InlineData("aSrS.S.aut")]
    public void Read_ServiceClaimsInAnyCase_AreNeverCopied(string type)
    {
        // ClaimsIdentity.FindFirst (and the service's claim lookups) ignore case: 'ASRS.S.UID' would choose the user.
        var idToken = TokenAssert.IdToken("{\"" + type + "\":\"victim\",\"name\":\"Eve\"}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { type, "name" })!;

        Assert.Equal(new[] { "name" }, claims.Select(c => c.Type));
    }

    [Fact]
    public void Read_ReservedNamesInAnyCase_AreRenamed()
    {
        var idToken = TokenAssert.IdToken("{\"AUD\":\"a\",\"Exp\":1,\"NONCE\":\"n\",\"Iss\":\"i\"}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { "AUD", "Exp", "NONCE", "Iss" })!;

        Assert.Equal(new[] { "asrs.u.AUD", "asrs.u.Exp", "asrs.u.NONCE", "asrs.u.Iss" }, claims.Select(c => c.Type));
    }

    [Fact]
    public void Read_SubInAnyCase_OnlyTheFirstIsKept()
    {
        var idToken = TokenAssert.IdToken("{\"sub\":\"s1\",\"SUB\":\"s2\",\"Sub\":\"s3\"}");

        var claims = IdTokenClaimReader.Read(idToken, new[] { "sub", "SUB", "Sub" })!;

        Assert.Equal(new[] { "sub", "asrs.u.SUB", "asrs.u.Sub" }, claims.Select(c => c.Type));
    }

    public static TheoryData<string, byte[]> InvalidTextPayloads => new()
    {
        { "lone low surrogate in a listed name", System.Text.Encoding.UTF8.GetBytes("{\"name\\udc00\":1,\"name\":\"n\"}") },
        { "lone surrogate in an unlisted name", System.Text.Encoding.UTF8.GetBytes("{\"x\\udc00\":1,\"name\":\"n\"}") },
        { "lone high surrogate in a listed value", System.Text.Encoding.UTF8.GetBytes("{\"name\":\"secretvalue\\ud800\"}") },
        { "invalid UTF-8 in a listed value", new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' } },
        { "invalid UTF-8 in a name", new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' } },
        { "invalid UTF-8 inside a listed object value", new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}', (byte)'}' } },
    };

    [Theory]
    [MemberData(nameof(InvalidTextPayloads))]
    public void Read_PayloadWithInvalidUnicode_FailsAsMalformedNotAsAJsonError(string name, byte[] payload)
    {
        var idToken = TokenAssert.Base64Url("{\"alg\":\"none\"}") + "." + Convert.ToBase64String(payload).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".c2ln";

        var error = Assert.Throws<ArgumentException>(() => IdTokenClaimReader.Read(idToken, new[] { "name", "name\udc00" }));

        Assert.True(error.Message == ErrorMessages.Format(ErrorMessages.IdTokenMalformed, ErrorMessages.IdTokenPayloadInvalidText), name + ": " + error.Message);
        Assert.DoesNotContain("secretvalue", error.Message);
        Assert.Null(error.InnerException);
    }
}
