using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>
/// Seeded fuzzing of the local service's token validator: random and mutated tokens — the compact text, and header or
/// payload JSON and bytes re-signed with the right key so that the checks behind the signature are reached — only ever
/// give a principal or a refusal whose reason is short, has no control character and shows neither the key nor the
/// token. Never an exception (a 500). A failure reports its seed and iteration.
/// </summary>
public class AccessTokenValidatorFuzzTests
{
    private const int Iterations = 3000;
    private const long Now = 1_800_000_000;
    private const string Audience = "http://localhost/client/?hub=chat";

    private static readonly string[] Pieces =
    {
        "\"", "\\", "{", "}", "[", "]", ",", ":", ".", "-", "_", "=", " ", "\r", "\n", "\0", "\u0085", "\u2028", "\u202e",
        "\u00e9", "\ud83d\ude00", "\ud800", "\udc00", "\\ud800", "\\udc00", "\\u0000", "1e400", "-1e400", "1e300", "253402300800",
        "9223372036854775807", "-9223372036854775808", "0.5", "null", "true", "[]", "{}", "alg", "kid", "HS256", "none",
        "exp", "nbf", "iss", "aud", "azure-signalr", "asrs.s.uid", "http://localhost/client/?hub=chat",
    };

    private readonly ITestOutputHelper _output;

    public AccessTokenValidatorFuzzTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(20261201)]
    [InlineData(11)]
    [InlineData(31337)]
    public void Validate_RandomAndMutatedTokens_AcceptOrRefuseCleanlyNeverThrow(int seed)
    {
        _output.WriteLine($"seed {seed}, {Iterations} iterations");
        var random = new Random(seed);
        var state = new LocalServiceState(TestTokens.Key);
        var (keyId, issuedKey) = state.IssueKey();
        var validator = new AccessTokenValidator(state, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now)), TimeSpan.FromSeconds(5));
        var header = TestTokens.Header(kid: keyId);
        var payload = $"{{\"asrs.s.uid\":\"alice\",\"role\":[\"a\",1,true,{{\"o\":null}}],\"nbf\":{Now},\"exp\":{Now + 3600},\"iat\":{Now},\"iss\":\"azure-signalr\",\"aud\":\"{Audience}\"}}";
        for (var i = 0; i < Iterations; i++)
        {
            var token = Next(random, header, payload, issuedKey);
            try
            {
                var outcome = validator.Validate(token, Audience);
                Assert.True(outcome.Principal is not null ^ outcome.Error is not null);
                if (outcome.Error is { } error)
                {
                    Assert.InRange(error.Length, 1, 2 * LocalServiceMessages.MaxEchoLength + 120);
                    foreach (var c in error)
                    {
                        Assert.False(char.IsControl(c) || c == '\u2028' || c == '\u2029', $"control character in \"{error}\"");
                    }

                    Assert.DoesNotContain(TestTokens.Key, error);
                    Assert.DoesNotContain(issuedKey, error);
                    var signature = token.Substring(token.LastIndexOf('.') + 1);
                    if (signature.Length >= 16)
                    {
                        Assert.DoesNotContain(signature, error);
                    }
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, iteration {i}, token \"{Show(token)}\": {ex}");
            }
        }
    }

    private static string Next(Random random, string header, string payload, string issuedKey)
    {
        var key = random.Next(4) == 0 ? TestTokens.Key : issuedKey;
        switch (random.Next(5))
        {
            case 0:
                return TestTokens.HandMade(Mutate(random, header), payload, key);
            case 1:
                return TestTokens.HandMade(header, Mutate(random, payload), key);
            case 2:
                var bytes = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? header : payload);
                for (var e = 1 + random.Next(3); e > 0; e--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                var isHeader = Encoding.UTF8.GetString(bytes).Contains("typ", StringComparison.Ordinal) || random.Next(2) == 0;
                var signingInput = isHeader
                    ? TestTokens.Encode(bytes) + "." + TestTokens.Encode(payload)
                    : TestTokens.Encode(header) + "." + TestTokens.Encode(bytes);
                return signingInput + "." + TestTokens.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(signingInput)));
            case 3:
                return Mutate(random, TestTokens.HandMade(header, payload, key));
            default:
                var text = new StringBuilder();
                for (var n = random.Next(12); n > 0; n--)
                {
                    text.Append(Pieces[random.Next(Pieces.Length)]);
                }

                return text.ToString();
        }
    }

    private static string Mutate(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        for (var e = 1 + random.Next(4); e > 0; e--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0:
                    text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1 when text.Length > 1:
                    var start = Math.Min(at, text.Length - 1);
                    text.Remove(start, Math.Min(1 + random.Next(6), text.Length - start));
                    break;
                case 2 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = (char)random.Next(0, 0x10000);
                    break;
                default:
                    var from = random.Next(text.Length);
                    text.Insert(at, text.ToString(from, Math.Min(1 + random.Next(20), text.Length - from)));
                    break;
            }
        }

        return text.ToString();
    }

    private static string Show(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            shown.Append(c >= 0x20 && c < 0x7f ? c.ToString() : "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return shown.ToString();
    }
}
