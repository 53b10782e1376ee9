using System;
using System.Linq;
using System.Text;
using Xunit;
using Core = global::SignalRInfo.Core;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// The shared core as the worker package compiles it (netstandard2.0: no net8.0 code paths), where the host tests run
/// its net8.0 build: base64url decoding and ID token claims.
/// </summary>
public sealed class NetStandardCoreTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("YQ", "a")]
    [InlineData("YQ==", "a")]
    [InlineData("YWI", "ab")]
    [InlineData("YWJj", "abc")]
    [InlineData("-_-_", "\u00fb\u00ff\u00bf")]
    public void Base64UrlTryDecode_Base64Url_Decodes(string text, string latin1)
    {
        var buffer = new byte[Core.Base64Url.MaxDecodedLength(text.Length)];

        Assert.True(Core.Base64Url.TryDecode(text.AsSpan(), buffer, out var written));

        Assert.Equal(Encoding.Latin1.GetBytes(latin1), buffer.Take(written).ToArray());
    }

    [Theory]
    [InlineData("YWJ+")]
    [InlineData("YWJ/")]
    [InlineData("YWJjZ")]
    [InlineData("YW!j")]
    public void Base64UrlTryDecode_NotBase64Url_IsRefused(string text)
    {
        Assert.False(Core.Base64Url.TryDecode(text.AsSpan(), new byte[Core.Base64Url.MaxDecodedLength(text.Length)], out _));
    }

    [Fact]
    public void IdTokenClaimReader_ListedClaims_AreCopiedByTheRules()
    {
        var payload = "{\"sub\":\"s1\",\"name\":\"Ann\",\"roles\":[\"a\",\"b\"],\"aud\":\"x\",\"asrs.s.uid\":\"victim\",\"n\":7}";
        var idToken = "eyJhbGciOiJub25lIn0." + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".";

        var claims = Core.IdTokenClaimReader.Read(" Bearer " + idToken + " ", new[] { "sub", "name", "roles", "aud", "asrs.s.uid", "n" })!;

        Assert.Equal(new[] { "sub", "name", "roles", "asrs.u.aud", "n" }, claims.Select(c => c.Type));
        Assert.Equal(new[] { "a", "b" }, Enumerable.Range(0, claims[2].Count).Select(i => claims[2][i].Text));
        Assert.True(claims[4][0].IsJson);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJub25lIn0.!!!.c")]
    public void IdTokenClaimReader_Malformed_IsRefusedWithoutTheToken(string idToken)
    {
        var error = Assert.Throws<ArgumentException>(() => Core.IdTokenClaimReader.Read(idToken, new[] { "name" }));

        Assert.DoesNotContain(idToken, error.Message);
    }
}
