using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class AccessTokenWriterTests
{
    private const string AccessKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh+/=";
    private const string AudiencePrefix = "https://contoso.service.signalr.net/client/?hub=";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static string Write(string? userId = null, IReadOnlyList<CopiedClaim>? claims = null, string hub = "chat", long lifetime = 3600, SigningKey? key = null) =>
        AccessTokenWriter.Write(key ?? SigningKey.FromAccessKey(AccessKey), AudiencePrefix, hub, userId, new TokenClaims(claims), Now.ToUnixTimeSeconds(), lifetime);

    [Fact]
    public async Task Write_Token_VerifiesWithIndependentValidator()
    {
        var token = Write("user1");

        var jwt = await TokenAssert.ValidAsync(token, AccessKey, AudiencePrefix + "chat", Now);

        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("user1", jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(Now.UtcDateTime, jwt.ValidFrom);
        Assert.Equal(Now.AddHours(1).UtcDateTime, jwt.ValidTo);
        Assert.Equal("azure-signalr", jwt.Issuer);
    }

    [Fact]
    public async Task Write_LineSeparators_AreEscapedAsTheSdkWritesThem()
    {
        var token = Write("a\u2028b\u2029c\u0085d\u00e9\u0001");

        var payload = TokenAssert.DecodePart(token, 1);

        // Escaped as the SDK's JSON writer does (\uXXXX); other non-ASCII text stays raw UTF-8; the value is unchanged.
        Assert.Contains("\"asrs.s.uid\":\"a\\u2028b\\u2029c\\u0085d\u00e9\\u0001\"", payload);
        var jwt = await TokenAssert.ValidAsync(token, AccessKey, AudiencePrefix + "chat", Now);
        Assert.Equal("a\u2028b\u2029c\u0085d\u00e9\u0001", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Write_WrongKeyOrAudience_IsRejectedByIndependentValidator()
    {
        var token = Write("user1");

        await TokenAssert.InvalidAsync(token, AccessKey + "x", AudiencePrefix + "chat");
        await TokenAssert.InvalidAsync(token, AccessKey, AudiencePrefix + "other");
    }

    [Fact]
    public void Write_Header_IsCompactInServiceOrderWithStableKid()
    {
        var token = Write();
        var header = TokenAssert.DecodePart(token, 0);

        var kid = SigningKey.FromAccessKey(AccessKey).KeyId;
        Assert.Equal("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", header);
        Assert.Matches("^[0-9a-f]{32}$", kid);
        Assert.DoesNotContain(AccessKey, kid);
        Assert.NotEqual(kid, SigningKey.FromAccessKey(AccessKey + "2").KeyId);
    }

    [Fact]
    public void Write_Payload_HasServiceClaimOrderAndIntegerTimes()
    {
        var claims = new List<CopiedClaim> { Claim("name", "Ann"), Claim("role", "a", "b") };

        var token = Write("user1", claims, lifetime: 600);

        var now = Now.ToUnixTimeSeconds();
        Assert.Equal(
            "{\"asrs.s.uid\":\"user1\",\"name\":\"Ann\",\"role\":[\"a\",\"b\"],\"nbf\":" + now + ",\"exp\":" + (now + 600) + ",\"iat\":" + now + ",\"iss\":\"azure-signalr\",\"aud\":\"https://contoso.service.signalr.net/client/?hub=chat\"}",
            TokenAssert.DecodePart(token, 1));
    }

    [Fact]
    public void Write_NoUserId_OmitsUidButEmptyUserIdCounts()
    {
        Assert.DoesNotContain("asrs.s.uid", TokenAssert.PayloadNames(Write(userId: null)));
        Assert.Contains("\"asrs.s.uid\":\"\"", TokenAssert.DecodePart(Write(userId: string.Empty), 1));
    }

    [Fact]
    public async Task Write_SpecialCharacters_EscapedAsTheServiceExpects()
    {
        var user = "Zoë \"quoted\" back\\slash a/b \u00e9\u4e2d\U0001F600 tab\t nl\n ctl\u0001";

        var token = Write(user);

        var payload = TokenAssert.DecodePart(token, 1);
        Assert.Contains("Zoë \\\"quoted\\\" back\\\\slash a/b é中😀 tab\\t nl\\n ctl\\u0001", payload);
        var jwt = await TokenAssert.ValidAsync(token, AccessKey, AudiencePrefix + "chat", Now);
        Assert.Equal(user, jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public void Write_JsonTypedClaims_KeepTheirJsonType()
    {
        var claims = new List<CopiedClaim>
        {
            Json("age", "42"),
            Json("admin", "true"),
            Json("address", "{\"city\":\"Oslo\"}"),
        };

        using var doc = JsonDocument.Parse(TokenAssert.DecodePart(Write(claims: claims), 1));

        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("age").ValueKind);
        Assert.Equal(JsonValueKind.True, doc.RootElement.GetProperty("admin").ValueKind);
        Assert.Equal("Oslo", doc.RootElement.GetProperty("address").GetProperty("city").GetString());
    }

    [Fact]
    public void Write_LongTokens_CappedAt4096Characters()
    {
        var longUser = new string('u', 4000);

        var error = Assert.Throws<InvalidOperationException>(() => Write(longUser));

        Assert.StartsWith("The access token for hub 'chat' would be ", error.Message);
        Assert.Contains("at most 4096", error.Message);
        Assert.DoesNotContain(longUser, error.Message);
    }

    [Fact]
    public void Write_LongestAllowedToken_IsAtMost4096AndOneMoreCharacterFails()
    {
        var length = 0;
        string longest = Write(string.Empty);
        while (true)
        {
            try
            {
                longest = Write(new string('x', length + 1));
                length++;
            }
            catch (InvalidOperationException)
            {
                break;
            }
        }

        // base64url grows in steps of at most 2 characters per user id character.
        Assert.InRange(longest.Length, 4093, 4096);
        var error = Assert.Throws<InvalidOperationException>(() => Write(new string('x', length + 1)));
        Assert.Contains("would be 409", error.Message);
    }

    [Fact]
    public async Task Write_ConcurrentCallsSharingOneKey_AllVerify()
    {
        var key = SigningKey.FromAccessKey(AccessKey);
        var tokens = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => Enumerable.Range(0, 50).Select(j => Write("u" + i + "-" + j, key: key)).ToArray())));

        foreach (var batch in tokens)
        {
            foreach (var token in batch)
            {
                await TokenAssert.ValidAsync(token, AccessKey, AudiencePrefix + "chat", Now);
            }
        }
    }

    [Fact]
    public async Task Write_EntraKey_UsesKeyIdAsKid()
    {
        var key = new SigningKey("key-id-\"1\"", "entra-issued-key-0123456789abcdefghij");

        var token = Write("u", key: key);

        var jwt = await TokenAssert.ValidAsync(token, "entra-issued-key-0123456789abcdefghij", AudiencePrefix + "chat", Now);
        Assert.Equal("key-id-\"1\"", jwt.Kid);
        Assert.Equal("SigningKey(kid=key-id-\"1\")", key.ToString());
    }

    [Fact]
    public void Write_BuffersGoBackToTheSharedPoolCleared()
    {
        // The writer returns its payload and token buffers to ArrayPool<byte>.Shared, whose cache for this thread hands
        // them to the next Rent of their size here: neither may still hold the token, its signature or a claim. The
        // inputs keep the two in different sizes (payload estimate ≈ 735 bytes, token ≈ 410), so each has its own slot.
        const string ClaimText = "pooled-claim-value-0123456789";
        var token = Write("pooled-user", new[] { Claim("name", ClaimText) });
        var parts = token.Split('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);

        AssertPoolHoldsNone(
            ("the signature segment", Encoding.ASCII.GetBytes(parts[2])),
            ("the payload segment", Encoding.ASCII.GetBytes(parts[1].Substring(0, 40))),
            ("the signature bytes", signature),
            ("a claim value", Encoding.UTF8.GetBytes(ClaimText)));
    }

    [Fact]
    public void Write_TooLongAfterThePayloadIsWritten_ReturnsItsBufferCleared()
    {
        // Two UTF-8 bytes per character: past the refusal before renting, refused once the payload is written.
        const string Marker = "pooled-refused-user-";
        var userId = Marker + new string('\u00e9', 2800);
        var error = Assert.Throws<InvalidOperationException>(() => Write(userId));
        Assert.DoesNotContain("at least", error.Message);

        AssertPoolHoldsNone(("the user id", Encoding.UTF8.GetBytes(Marker)));
    }

    private static void AssertPoolHoldsNone(params (string What, byte[] Bytes)[] needles)
    {
        var arrays = new List<byte[]>();
        for (var size = 16; size <= 65536; size *= 2)
        {
            for (var i = 0; i < 3; i++)
            {
                arrays.Add(ArrayPool<byte>.Shared.Rent(size));
            }
        }

        try
        {
            foreach (var array in arrays)
            {
                foreach (var (what, bytes) in needles)
                {
                    Assert.False(array.AsSpan().IndexOf(bytes) >= 0, "A pooled array of " + array.Length + " bytes still holds " + what + ".");
                }
            }
        }
        finally
        {
            foreach (var array in arrays)
            {
                ArrayPool<byte>.Shared.Return(array, clearArray: true);
            }
        }
    }

    private static CopiedClaim Claim(string type, params string[] values)
    {
        var claim = new CopiedClaim(type, new ClaimValue(values[0], false));
        foreach (var value in values.Skip(1))
        {
            claim.Add(new ClaimValue(value, false));
        }

        return claim;
    }

    private static CopiedClaim Json(string type, string json)
    {
        return new CopiedClaim(type, new ClaimValue(json, true));
    }

    public static TheoryData<string> HugeInputs => new() { "userId", "claim type", "claim value", "JSON claim value" };

    [Theory]
    [MemberData(nameof(HugeInputs))]
    public void Write_InputTooLongForAnyEncoding_IsRefusedBeforeAnyBufferIsRented(string where)
    {
        // 2M characters: the 6-bytes-per-character estimate would rent 12 MB before finding the token too long.
        var huge = new string('u', 2_000_000);
        var claim = new CopiedClaim(
            where == "claim type" ? huge : "name",
            where == "claim value" ? new ClaimValue(huge, isJson: false) : where == "JSON claim value" ? new ClaimValue(huge, isJson: true) : new ClaimValue("n", isJson: false));
        var key = SigningKey.FromAccessKey(AccessKey);
        Write("warm-up", new[] { claim }.Take(0).ToList(), key: key);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidOperationException>(() => Write(where == "userId" ? huge : "u", new[] { claim }, key: key));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 256 * 1024);
        Assert.StartsWith("The access token for hub 'chat' would be at least ", error.Message);
        Assert.EndsWith(ErrorMessages.TokenTooLongAtLeast.Substring(ErrorMessages.TokenTooLongAtLeast.IndexOf("{1}", StringComparison.Ordinal) + 3), error.Message);
    }

    // Theory data carries the surrogates as numbers: xunit's serialization of strings would replace them with U+FFFD.
    [Theory]
    [InlineData("ann", 0xD800, "", 3)]
    [InlineData("", 0xDC00, "ann", 0)]
    [InlineData("a", 0xDC00, "\ud83d\ude00", 1)]
    [InlineData("ann", 0xD83D, "x", 3)]
    public void Write_UserIdWithALoneSurrogate_IsRefusedNotMappedToReplacementCharacter(string before, int surrogate, string after, int position)
    {
        var userId = before + (char)surrogate + after;

        var error = Assert.Throws<ArgumentException>(() => Write(userId));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.UserIdLoneSurrogate, position), error.Message);
    }

    [Theory]
    [InlineData(true, 0xD800)]
    [InlineData(false, 0xDFFF)]
    public void Write_ClaimWithALoneSurrogate_IsRefused(bool inType, int surrogate)
    {
        var lone = ((char)surrogate).ToString();
        var claim = new CopiedClaim(inType ? "name" + lone : "name", new ClaimValue(inType ? "v" : "v" + lone, isJson: false));

        var error = Assert.Throws<ArgumentException>(() => Write("ann", new[] { claim }));

        Assert.Equal(ErrorMessages.ClaimLoneSurrogate, error.Message);
    }

    [Fact]
    public async Task Write_UserIdWithSurrogatePairs_IsWrittenAsUtf8()
    {
        var token = Write("ann\ud83d\ude00x");

        var jwt = await TokenAssert.ValidAsync(token, AccessKey, AudiencePrefix + "chat", Now);
        Assert.Equal("ann\ud83d\ude00x", jwt.GetClaim("asrs.s.uid").Value);
    }
}
