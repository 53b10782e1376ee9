using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>
/// Every request under /client is checked as Azure SignalR Service checks it; a refusal is 401 (400 for the hub) with a
/// short plain-text reason that never echoes the token or a key. Requests only: one shared service.
/// </summary>
public class ClientRequestAuthenticatorTests : IClassFixture<LocalServiceFixture>
{
    private const string ChatAudience = "http://localhost/client/?hub=chat";

    private readonly LocalSignalRService _service;

    public ClientRequestAuthenticatorTests(LocalServiceFixture fixture) => _service = fixture.Service;

    private async Task AssertRefusedAsync(string? token, string expectedReason, string hub = "chat", HttpStatusCode status = HttpStatusCode.Unauthorized)
    {
        using var http = TestClients.Http(_service);
        using var response = await TestClients.NegotiateAsync(http, hub, token);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedReason, body);
        Assert.DoesNotContain(TestTokens.Key, body);
        if (!string.IsNullOrEmpty(token))
        {
            Assert.DoesNotContain(token, body);
            Assert.All(token.Split('.').Where(p => p.Length > 8), part => Assert.DoesNotContain(part, body));
        }
    }

    [Fact]
    public async Task Negotiate_ValidIdentityModelToken_Returns200NegotiateBody()
    {
        using var http = TestClients.Http(_service);

        using var response = await TestClients.NegotiateAsync(http, "chat", TestTokens.Mint(ChatAudience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("negotiateVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("connectionToken").GetString()));
        var transports = json.RootElement.GetProperty("availableTransports").EnumerateArray().Select(t => t.GetProperty("transport").GetString()).ToArray();
        Assert.Equal(new[] { "WebSockets", "ServerSentEvents", "LongPolling" }, transports);
    }

    [Fact]
    public async Task Negotiate_HandMadeProtocolToken_Returns200()
    {
        using var http = TestClients.Http(_service);
        var token = TestTokens.HandMade(TestTokens.Header(), TestTokens.Payload(ChatAudience));

        using var response = await TestClients.NegotiateAsync(http, "chat", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_TokenWithoutIssuer_Returns200()
    {
        using var http = TestClients.Http(_service);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = TestTokens.HandMade(TestTokens.Header(), $"{{\"exp\":{now + 60},\"aud\":\"{ChatAudience}\"}}");

        using var response = await TestClients.NegotiateAsync(http, "chat", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_TokenInAccessTokenQuery_Returns200()
    {
        using var http = TestClients.Http(_service);

        using var response = await http.PostAsync($"client/negotiate?hub=chat&negotiateVersion=1&access_token={TestTokens.Mint(ChatAudience)}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_BadTokenInAccessTokenQuery_Is401InvalidSignature()
    {
        using var http = TestClients.Http(_service);
        var token = TestTokens.Mint(ChatAudience, key: "some-other-key-0123456789abcdefghijklmnop");

        using var response = await http.PostAsync($"client/negotiate?hub=chat&negotiateVersion=1&access_token={token}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.InvalidSignature, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public Task Negotiate_WrongKey_Is401InvalidSignature() =>
        AssertRefusedAsync(TestTokens.Mint(ChatAudience, key: "some-other-key-0123456789abcdefghijklmnop"), LocalServiceMessages.InvalidSignature);

    [Fact]
    public Task Negotiate_KeyBase64DecodedInsteadOfUtf8_Is401InvalidSignature()
    {
        // A signer that base64-decodes the key (a classic mistake) produces a different signature.
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var signingInput = TestTokens.Encode(TestTokens.Header()) + "." + TestTokens.Encode(TestTokens.Payload(ChatAudience));
        var token = signingInput + "." + TestTokens.Encode(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(signingInput)));
        return RefusedWithKeyAsync(key, token);
    }

    private static async Task RefusedWithKeyAsync(string key, string token)
    {
        await using var service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = key });
        using var http = TestClients.Http(service);

        using var response = await TestClients.NegotiateAsync(http, "chat", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.InvalidSignature, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public Task Negotiate_TamperedPayload_Is401InvalidSignature() =>
        AssertRefusedAsync(
            TestTokens.WithPayload(TestTokens.Mint(ChatAudience, userId: "alice"), TestTokens.Payload(ChatAudience, userId: "admin")),
            LocalServiceMessages.InvalidSignature);

    [Theory]
    [InlineData(0)] // the signature's first character
    [InlineData(20)] // one in the middle
    public Task Negotiate_TamperedSignature_Is401InvalidSignature(int offsetInSignature)
    {
        // Every bit of a signature character before the last is significant, so this changes the signature bytes.
        var token = TestTokens.Mint(ChatAudience);
        var at = token.LastIndexOf('.') + 1 + offsetInSignature;
        var replaced = token[at] == 'A' ? 'B' : 'A';
        return AssertRefusedAsync(token[..at] + replaced + token[(at + 1)..], LocalServiceMessages.InvalidSignature);
    }

    [Fact]
    public async Task Negotiate_SignatureWithNonZeroUnusedBits_Is401MalformedNotAccepted()
    {
        // 32 signature bytes are 43 characters (258 bits): the last carries 4 bits and 2 unused ones. A lenient decoder
        // maps the altered spelling onto the same bytes and accepts it; the canonical check refuses it.
        var token = TestTokens.Mint(ChatAudience);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.Equal(43, signature.Length);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sextet = alphabet.IndexOf(token[^1], StringComparison.Ordinal);
        Assert.Equal(0, sextet & 0b11);

        await AssertRefusedAsync(token[..^1] + alphabet[sextet | 0b01], LocalServiceMessages.MalformedToken);
        await AssertRefusedAsync(token[..^1] + alphabet[sextet | 0b10], LocalServiceMessages.MalformedToken);
    }

    [Theory]
    [InlineData("http://localhost:{port}/client/?hub=chat")] // the port is never part of the audience
    [InlineData("http://localhost/client/?hub=other")] // another hub
    [InlineData("http://localhost/client/?hub=Chat")] // the hub is lower-cased
    [InlineData("https://localhost/client/?hub=chat")] // another scheme
    [InlineData("http://127.0.0.1/client/?hub=chat")] // another host name
    [InlineData("http://localhost/client/?hub=chat&x=1")]
    [InlineData("http://localhost/client?hub=chat")]
    public Task Negotiate_WrongAudience_Is401AudienceMismatch(string audience)
    {
        audience = audience.Replace("{port}", _service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return AssertRefusedAsync(TestTokens.Mint(audience), LocalServiceMessages.AudienceMismatch(audience, ChatAudience));
    }

    [Fact]
    public Task Negotiate_WrongAudienceMessage_NamesBothAudiences() =>
        AssertRefusedAsync(
            TestTokens.Mint("http://localhost/client/?hub=other"),
            "audience 'http://localhost/client/?hub=other' does not match 'http://localhost/client/?hub=chat'");

    [Fact]
    public Task Negotiate_AudienceArrayWithoutTheHub_Is401AudienceMismatch()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $"{{\"exp\":{now + 60},\"aud\":[\"http://localhost/client/?hub=a\",\"http://localhost/client/?hub=b\"]}}";
        return AssertRefusedAsync(
            TestTokens.HandMade(TestTokens.Header(), payload),
            LocalServiceMessages.AudienceMismatch("[\"http://localhost/client/?hub=a\",\"http://localhost/client/?hub=b\"]", ChatAudience));
    }

    [Fact]
    public Task Negotiate_NoAudience_Is401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return AssertRefusedAsync(TestTokens.HandMade(TestTokens.Header(), $"{{\"exp\":{now + 60}}}"), LocalServiceMessages.MissingAudience);
    }

    [Fact]
    public Task Negotiate_ExpiredToken_Is401TokenExpired()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = TestTokens.HandMade(TestTokens.Header(), TestTokens.Payload(ChatAudience, now: now - 3600, lifetimeSeconds: 3540));
        return AssertRefusedAsync(token, LocalServiceMessages.TokenExpired(DateTimeOffset.FromUnixTimeSeconds(now - 60)));
    }

    [Fact]
    public Task Negotiate_IdentityModelTokenExpiredAMinuteAgo_Is401TokenExpired()
    {
        var expires = DateTime.UtcNow.AddMinutes(-1);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Audience = ChatAudience,
            NotBefore = expires.AddHours(-1),
            IssuedAt = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestTokens.Key)),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(new DateTimeOffset(expires).ToUnixTimeSeconds());
        return AssertRefusedAsync(token, LocalServiceMessages.TokenExpired(expiresAt));
    }

    [Fact]
    public Task Negotiate_NotYetValidToken_Is401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = TestTokens.HandMade(TestTokens.Header(), TestTokens.Payload(ChatAudience, now: now + 600));
        return AssertRefusedAsync(token, LocalServiceMessages.TokenNotYetValid(DateTimeOffset.FromUnixTimeSeconds(now + 600)));
    }

    [Fact]
    public Task Negotiate_NoExpiration_Is401()
    {
        return AssertRefusedAsync(TestTokens.HandMade(TestTokens.Header(), $"{{\"asrs.s.uid\":\"alice\",\"aud\":\"{ChatAudience}\"}}"), LocalServiceMessages.MissingExpiration);
    }

    [Fact]
    public Task Negotiate_ExpirationNotANumber_Is401()
    {
        return AssertRefusedAsync(TestTokens.HandMade(TestTokens.Header(), $"{{\"exp\":\"tomorrow\",\"aud\":\"{ChatAudience}\"}}"), LocalServiceMessages.ClaimNotANumber("exp"));
    }

    [Theory]
    [InlineData("https://sts.windows.net/tenant/")]
    [InlineData("Azure-SignalR")]
    [InlineData("")]
    public Task Negotiate_OtherIssuer_Is401InvalidIssuer(string issuer) =>
        AssertRefusedAsync(TestTokens.HandMade(TestTokens.Header(), TestTokens.Payload(ChatAudience, issuer: issuer)), LocalServiceMessages.InvalidIssuer(issuer));

    [Fact]
    public Task Negotiate_AlgNoneWithoutSignature_Is401UnsupportedAlgorithm()
    {
        var token = TestTokens.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + TestTokens.Encode(TestTokens.Payload(ChatAudience)) + ".";
        return AssertRefusedAsync(token, LocalServiceMessages.UnsupportedAlgorithm("none"));
    }

    [Theory]
    [InlineData("HS384")]
    [InlineData("HS512")]
    [InlineData("RS256")]
    [InlineData("hs256")]
    public Task Negotiate_OtherAlgorithm_Is401UnsupportedAlgorithm(string alg)
    {
        // Signed with HS256 anyway: the header's alg alone must be refused.
        var token = TestTokens.HandMade(TestTokens.Header(alg: alg), TestTokens.Payload(ChatAudience));
        return AssertRefusedAsync(token, LocalServiceMessages.UnsupportedAlgorithm(alg));
    }

    [Fact]
    public Task Negotiate_HeaderWithoutAlg_Is401UnsupportedAlgorithm() =>
        AssertRefusedAsync(TestTokens.HandMade("{\"typ\":\"JWT\"}", TestTokens.Payload(ChatAudience)), LocalServiceMessages.UnsupportedAlgorithm(null));

    [Fact]
    public Task Negotiate_MissingToken_Is401() => AssertRefusedAsync(null, LocalServiceMessages.MissingToken);

    [Fact]
    public async Task Negotiate_BasicAuthorization_Is401MissingToken()
    {
        using var http = TestClients.Http(_service);
        using var request = new HttpRequestMessage(HttpMethod.Post, "client/negotiate?hub=chat&negotiateVersion=1");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.MissingToken, await response.Content.ReadAsStringAsync());
    }

    public static IEnumerable<object[]> GarbageTokens()
    {
        yield return new object[] { "garbage", LocalServiceMessages.MalformedToken };
        yield return new object[] { "a.b", LocalServiceMessages.MalformedToken };
        yield return new object[] { "a.b.c.d", LocalServiceMessages.MalformedToken };
        yield return new object[] { ".payload.signature", LocalServiceMessages.MalformedToken };
        yield return new object[] { "header..signature", LocalServiceMessages.MalformedToken };
        yield return new object[] { "!!!!.!!!!.!!!!", LocalServiceMessages.MalformedToken };
        yield return new object[] { "eyJhbGciOiJIUzI1NiJ9=.e30.AAAA", LocalServiceMessages.MalformedToken }; // padding is not base64url
        yield return new object[] { "Zm9vYmFy.Zm9vYmFy.Zm9vYmFy", LocalServiceMessages.MalformedHeader }; // "foobar" is no JSON
        yield return new object[] { TestTokens.Encode("[1,2]") + ".e30.AAAA", LocalServiceMessages.MalformedHeader };
        yield return new object[] { TestTokens.HandMade(TestTokens.Header(), "\"just a string\""), LocalServiceMessages.MalformedPayload };
        yield return new object[] { TestTokens.HandMade(TestTokens.Header(), "{not json"), LocalServiceMessages.MalformedPayload };
        yield return new object[] { new string('a', 2000) + "." + new string('b', 2000) + "." + new string('c', 97), LocalServiceMessages.TokenTooLong };
    }

    [Theory]
    [MemberData(nameof(GarbageTokens))]
    public Task Negotiate_GarbageToken_Is401Malformed(string token, string reason) => AssertRefusedAsync(token, reason);

    [Fact]
    public Task Negotiate_MissingHub_Is400() => AssertRefusedAsync(TestTokens.Mint(ChatAudience), LocalServiceMessages.MissingHub, hub: string.Empty, status: HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("1chat")]
    [InlineData("chat-room")]
    [InlineData("chat%20room")]
    [InlineData("_chat")]
    public Task Negotiate_InvalidHub_Is400(string hub) =>
        AssertRefusedAsync(TestTokens.Mint(ChatAudience), LocalServiceMessages.InvalidHub(Uri.UnescapeDataString(hub)), hub: hub, status: HttpStatusCode.BadRequest);

    [Fact]
    public async Task Negotiate_HubNameOf128Characters_IsAcceptedWithItsAudience()
    {
        var hub = "H" + new string('x', 127);
        using var http = TestClients.Http(_service);

        using var ok = await TestClients.NegotiateAsync(http, hub, TestTokens.Mint(TestTokens.Audience(hub)));
        using var tooLong = await TestClients.NegotiateAsync(http, hub + "x", TestTokens.Mint(TestTokens.Audience(hub + "x")));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Negotiate_HubWithAllowedPunctuation_IsAccepted()
    {
        const string hub = "My_Hub`1,x.[y]";
        using var http = TestClients.Http(_service);

        using var response = await TestClients.NegotiateAsync(http, Uri.EscapeDataString(hub), TestTokens.Mint(TestTokens.Audience(hub)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Connect_WithoutValidToken_Is401TooNotOnlyNegotiate()
    {
        using var http = TestClients.Http(_service);
        using var request = new HttpRequestMessage(HttpMethod.Get, "client/?hub=chat&id=some-connection-token");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestTokens.Mint("http://localhost/client/?hub=other"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(LocalServiceMessages.AudienceMismatch("http://localhost/client/?hub=other", ChatAudience), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preflight_FromALoopbackOrigin_AllowsCredentials()
    {
        using var http = TestClients.Http(_service);
        using var request = new HttpRequestMessage(HttpMethod.Options, "client/negotiate?hub=chat&negotiateVersion=1");
        request.Headers.Add("Origin", "http://127.0.0.1:7071");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-requested-with,x-signalr-user-agent");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://127.0.0.1:7071", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Refusal_FromAnotherOrigin_CarriesCorsHeadersSoTheBrowserSeesTheReason()
    {
        using var http = TestClients.Http(_service);
        using var request = new HttpRequestMessage(HttpMethod.Post, "client/negotiate?hub=chat&negotiateVersion=1");
        request.Headers.Add("Origin", "http://127.0.0.1:7071");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("http://127.0.0.1:7071", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example:7071")]
    [InlineData("null")]
    public async Task Preflight_FromAnotherOrigin_IsAllowedWithoutCredentials(string origin)
    {
        // A page elsewhere may still negotiate with a token of its own, but the browser never sends it cookies or
        // reads a credentialed answer: no credentialed wildcard.
        using var http = TestClients.Http(_service);
        using var request = new HttpRequestMessage(HttpMethod.Options, "client/negotiate?hub=chat&negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");

        using var response = await http.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("http://localhost:5173")]
    [InlineData("http://[::1]:8080")]
    [InlineData("https://127.0.0.2")]
    public async Task Preflight_FromEveryLoopbackOrigin_AllowsCredentials(string origin)
    {
        using var http = TestClients.Http(_service);
        using var request = new HttpRequestMessage(HttpMethod.Options, "client/negotiate?hub=chat&negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await http.SendAsync(request);

        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
    }

    [Theory]
    [InlineData("chat%0A")]
    [InlineData("chat%0D%0A")]
    public async Task HubWithATrailingNewline_Is400AndTheReasonHasNoNewline(string hub)
    {
        using var http = TestClients.Http(_service);
        using var response = await TestClients.NegotiateAsync(http, hub, TestTokens.Mint(ChatAudience));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(LocalServiceMessages.InvalidHub(Uri.UnescapeDataString(hub)), body);
        Assert.DoesNotContain('\n', body);
        Assert.DoesNotContain('\r', body);
    }
}
