using System;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Seeded fuzzing of the IdToken reader and of writing what it copies: random and mutated tokens (text and JSON,
/// escapes, surrogates, bytes that are not UTF-8) only ever give claims that are written into a token, or the
/// documented exceptions — ArgumentException IdTokenMalformed (no inner exception) from the reader, ArgumentException
/// ClaimLoneSurrogate or InvalidOperationException TokenTooLong from the writer. A failure reports its seed and iteration.
/// </summary>
public class IdTokenClaimReaderFuzzTests
{
    private const int Iterations = 3000;
    private const string SecretValue = "SECRET-CLAIM-VALUE-5e1f";

    private static readonly string[] ClaimTypes = { "name", "email", "roles", "sub", "aud", "ASRS.S.UID", "asrs.s.uid", "x", "n\u00e9" };

    private static readonly string[] Payloads =
    {
        "{\"name\":\"" + SecretValue + "\",\"email\":\"ann@contoso.com\",\"roles\":[\"a\",\"b\"],\"sub\":\"s\",\"aud\":\"x\",\"exp\":1}",
        "{\"roles\":[1,true,null,{\"o\":[1]}],\"asrs.s.uid\":\"victim\",\"ASRS.S.UID\":\"victim\",\"x\":1.5e3}",
        "{\"n\\u00e9\":\"\\ud83d\\ude00\",\"name\":\"\\\"quoted\\\\\",\"sub\":[\"1\",\"2\"]}",
    };

    private static readonly string[] Reasons =
    {
        ErrorMessages.IdTokenNotThreeParts, ErrorMessages.IdTokenPayloadNotBase64Url, ErrorMessages.IdTokenPayloadNotJsonObject, ErrorMessages.IdTokenPayloadInvalidText,
    };

    private readonly ITestOutputHelper _output;

    public IdTokenClaimReaderFuzzTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(20261201)]
    [InlineData(13)]
    [InlineData(777)]
    public void Read_RandomAndMutatedTokens_CopyClaimsOrFailWithTheDocumentedExceptions(int seed)
    {
        _output.WriteLine($"seed {seed}, {Iterations} iterations");
        var fuzz = new FuzzText(seed);
        var key = SigningKey.FromAccessKey("fuzz-key-0123456789abcdefghijklmnopqrstuv");
        for (var i = 0; i < Iterations; i++)
        {
            var token = NextToken(fuzz);
            try
            {
                var claims = IdTokenClaimReader.Read(token, ClaimTypes);
                if (claims is not null)
                {
                    foreach (var claim in claims)
                    {
                        Assert.False(claim.Type.StartsWith("asrs.", StringComparison.OrdinalIgnoreCase) && !claim.Type.StartsWith("asrs.u.", StringComparison.Ordinal), claim.Type);
                    }

                    WriteCopied(key, claims);
                }
            }
            catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
            {
                Assert.Contains(ex.Message, Array.ConvertAll(Reasons, r => ErrorMessages.Format(ErrorMessages.IdTokenMalformed, r)));
                Assert.Null(ex.InnerException);
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, iteration {i}, token \"{FuzzText.Show(token)}\": {ex}");
            }
        }
    }

    private static void WriteCopied(SigningKey key, System.Collections.Generic.IReadOnlyList<CopiedClaim> claims)
    {
        try
        {
            var token = AccessTokenWriter.Write(key, "https://contoso/client/?hub=", "chat", "ann", new TokenClaims(claims), 1_800_000_000, 3600);
            Assert.Equal(3, token.Split('.').Length);
        }
        catch (ArgumentException ex) when (ex.Message == ErrorMessages.ClaimLoneSurrogate)
        {
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The access token for hub 'chat' would be ", StringComparison.Ordinal))
        {
        }

        // Anything else propagates to the caller's catch-all with the seed.
    }

    private static string NextToken(FuzzText fuzz)
    {
        var header = TokenAssert.Base64Url("{\"alg\":\"none\"}");
        switch (fuzz.Next(4))
        {
            case 0:
                // Mutated JSON text.
                return header + "." + TokenAssert.Base64Url(fuzz.Mutate(Payloads[fuzz.Next(Payloads.Length)], 6)) + ".sig";
            case 1:
                // Mutated UTF-8 bytes (not always UTF-8 any more).
                var bytes = Encoding.UTF8.GetBytes(Payloads[fuzz.Next(Payloads.Length)]);
                for (var e = 1 + fuzz.Next(4); e > 0; e--)
                {
                    bytes[fuzz.Next(bytes.Length)] = (byte)fuzz.Next(256);
                }

                return header + "." + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".sig";
            case 2:
                // A mutated whole token (parts, base64url alphabet, 'Bearer ').
                var whole = (fuzz.Chance(20) ? "Bearer " : string.Empty) + TokenAssert.IdToken(Payloads[fuzz.Next(Payloads.Length)]);
                return fuzz.Mutate(whole, 3);
            default:
                return fuzz.Random(12);
        }
    }
}
