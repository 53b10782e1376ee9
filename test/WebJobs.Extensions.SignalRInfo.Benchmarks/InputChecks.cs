using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// Checks, once before measuring, that every benchmarked path produces what it claims to, so a benchmark can
/// never silently time a failing path. Tokens are verified with Microsoft.IdentityModel, never with our own code.
/// </summary>
internal static class InputChecks
{
    public static void Minting(TokenMintingBenchmarks benchmarks, string sample)
    {
        var ours = Valid("ours", sample, requireUserClaims: true);
        Check(ours.Kid == benchmarks.SigningKeyId, "ours: the header kid is not the signing key's id");

        // The floor signs the same header and payload bytes: at the same second its token must be ours, byte for byte.
        var issuedAt = new DateTimeOffset(ours.IssuedAt).ToUnixTimeSeconds();
        Check(benchmarks.Floor() == benchmarks.OursAt(issuedAt), "floor: the token differs from ours for the same header and payload");
        Valid("floor", benchmarks.Floor(), requireUserClaims: true);

        Valid("JsonWebTokenHandler", benchmarks.JsonWebTokenHandler(), requireUserClaims: true);
        Valid("Azure SDK", benchmarks.AzureSdk(), requireUserClaims: true);
    }

    /// <summary>
    /// Both packages' negotiators write, for a list of <see cref="Claim"/>s, the payload the Azure SignalR SDK's own
    /// generator writes for the same user, claims and second, byte for byte: strings with quotes, backslashes,
    /// control characters, line separators and non-ASCII text; integer, boolean and double value types, parsed or
    /// not; repeated types (one array, mixed types kept). Reserved names, which our rules rename, are left out. Two
    /// lists: one the rules change (its claims are copied), one they do not (written as it is, without copies).
    /// </summary>
    public static void NegotiatorPayloads(ISignalRNegotiator host, Functions.Worker.Extensions.SignalRInfo.ISignalRNegotiator worker, AzureSdkTokenGenerator sdk)
    {
        var plain = new[]
        {
            new Claim("name", "Ada \"Countess\" Lovelace \\ é 😀 </script> \t\n\r\b\f\u0001\u001f\u007f \u0085\u2028\u2029"),
            new Claim("role", "admin"), new Claim("sub", "s-1"), new Claim("u32", "5", ClaimValueTypes.UInteger32), new Claim("e", string.Empty),
        };
        if (!ClaimListReader.IsPlain(plain))
        {
            throw new InvalidOperationException("Benchmark input check failed: the plain claim list is not plain");
        }

        NegotiatorPayloads(host, worker, sdk, plain);
        NegotiatorPayloads(host, worker, sdk, new List<Claim>
        {
            new("name", "Ada \"Countess\" Lovelace \\ é 😀 </script> \t\n\r\b\f\u0001\u001f\u007f \u0085\u2028\u2029"),
            new(ClaimTypes.NameIdentifier, "id-1"), new(ClaimTypes.Name, "Ada"), new(ClaimTypes.Email, "ada@contoso.com"), new(ClaimTypes.Role, "owner"),
            new("http://schemas.microsoft.com/identity/claims/tenantid", "t-1"), new("HTTP://SCHEMAS.XMLSOAP.ORG/WS/2005/05/IDENTITY/CLAIMS/NAME", "upper"),
            new("age", "42", ClaimValueTypes.Integer), new("big", "9223372036854775807", ClaimValueTypes.Integer64), new("over", "9223372036854775808", ClaimValueTypes.Integer),
            new("paren", "(42)", ClaimValueTypes.Integer), new("thousands", "1,000", ClaimValueTypes.Integer), new("exp1", "1e2", ClaimValueTypes.Integer), new("frac", "1.5", ClaimValueTypes.Integer),
            new("i32", "-2147483648", ClaimValueTypes.Integer32), new("i32over", "2147483648", ClaimValueTypes.Integer32), new("u32", "5", ClaimValueTypes.UInteger32),
            new("yes", "True", ClaimValueTypes.Boolean), new("no", " false", ClaimValueTypes.Boolean), new("one", "1", ClaimValueTypes.Boolean),
            new("d1", "1e3", ClaimValueTypes.Double), new("d2", "1.50", ClaimValueTypes.Double), new("d3", "-0", ClaimValueTypes.Double), new("d4", "1e20", ClaimValueTypes.Double),
            new("d5", "1.5e-7", ClaimValueTypes.Double), new("d6", "0.30000000000000004", ClaimValueTypes.Double), new("d7", "1e16", ClaimValueTypes.Double), new("d8", "NaN", ClaimValueTypes.Double),
            new("d9", "1e400", ClaimValueTypes.Double), new("d10", "-Infinity", ClaimValueTypes.Double), new("d11", "x", ClaimValueTypes.Double),
            new("role", "admin"), new("role", "7", ClaimValueTypes.Integer), new("role", "reader"),
        });
    }

    private static void NegotiatorPayloads(ISignalRNegotiator host, Functions.Worker.Extensions.SignalRInfo.ISignalRNegotiator worker, AzureSdkTokenGenerator sdk, IReadOnlyList<Claim> claims)
    {
        for (var attempt = 0; ; attempt++)
        {
            // The SDK reads the clock itself: compare only when all three tokens were minted in the same second.
            var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var theirs = sdk.Generate(BenchmarkInputs.Audience, new[] { new Claim(BenchmarkInputs.UserIdClaim, BenchmarkInputs.UserId) }.Concat(claims), TimeSpan.FromSeconds(BenchmarkInputs.LifetimeSeconds));
            var fromHost = host.NegotiateAsync(BenchmarkInputs.Hub, new SignalRNegotiateOptions { UserId = BenchmarkInputs.UserId, Claims = claims }).AsTask().GetAwaiter().GetResult().AccessToken!;
            var fromWorker = worker.NegotiateAsync(BenchmarkInputs.Hub, new Functions.Worker.Extensions.SignalRInfo.SignalRNegotiateOptions { UserId = BenchmarkInputs.UserId, Claims = claims }).AsTask().GetAwaiter().GetResult().AccessToken!;
            if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() != before && attempt < 5)
            {
                continue;
            }

            var expected = theirs.Split('.')[1];
            Check(fromHost.Split('.')[1] == expected, "host negotiator: the payload differs from the Azure SDK's:\n  ours:   " + Decode(fromHost) + "\n  theirs: " + Decode(theirs));
            Check(fromWorker.Split('.')[1] == expected, "worker negotiator: the payload differs from the Azure SDK's:\n  ours:   " + Decode(fromWorker) + "\n  theirs: " + Decode(theirs));
            Valid("host negotiator", fromHost, requireUserClaims: false);
            Valid("worker negotiator", fromWorker, requireUserClaims: false);
            return;
        }
    }

    /// <summary>The one-endpoint token is for the setting's instance; the three-endpoint one for one of the three.</summary>
    public static void Routing(string single, string three)
    {
        Valid("one endpoint", single, requireUserClaims: false);
        var audience = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(three).Audiences.Single();
        Check(audience.EndsWith("/client/?hub=" + BenchmarkInputs.LowerHub, StringComparison.Ordinal), "three endpoints: audience is '" + audience + "'");
        Valid("three endpoints", three, requireUserClaims: false, audience: audience);
    }

    private static string Decode(string token) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]));

    public static void Invocation(NegotiateInvocationBenchmarks benchmarks)
    {
        var ours = benchmarks.OurBinding().GetAwaiter().GetResult();
        Check(ours.Url == BenchmarkInputs.ClientUrl, "our binding: url is '" + ours.Url + "'");
        Valid("our binding", ours.AccessToken, requireUserClaims: false);

        var claims = benchmarks.OurBindingWithIdTokenClaims().GetAwaiter().GetResult();
        Check(claims.Url == BenchmarkInputs.ClientUrl, "our binding with IdToken claims: url is '" + claims.Url + "'");
        var token = Valid("our binding with IdToken claims", claims.AccessToken, requireUserClaims: true);
        Check(!token.TryGetPayloadValue<string>("tid", out _), "our binding with IdToken claims: a claim outside ClaimTypeList was copied");

        Check(ReferenceEquals(benchmarks.NoOpBinding().GetAwaiter().GetResult(), NegotiateFunctions.Constant), "no-op binding: the function did not return the bound constant");
        Check(ReferenceEquals(benchmarks.NoBinding().GetAwaiter().GetResult(), NegotiateFunctions.Constant), "no binding: the function did not return its constant");
    }

    /// <summary>The bindings' values: our connection info with a valid token (with the IdToken's claims for the second).</summary>
    public static void Binding(object? ours, object? oursWithClaims)
    {
        var plain = ours as SignalRConnectionInfo;
        Check(plain?.Url == BenchmarkInputs.ClientUrl, "our binding: no connection info for the client URL");
        Valid("our binding", plain!.AccessToken, requireUserClaims: false);
        var claims = oursWithClaims as SignalRConnectionInfo;
        Check(claims?.Url == BenchmarkInputs.ClientUrl, "our binding with IdToken claims: no connection info for the client URL");
        Valid("our binding with IdToken claims", claims!.AccessToken, requireUserClaims: true);
    }

    /// <summary>A token signed with <see cref="BenchmarkInputs.AccessKey"/> for the benchmark audience and user.</summary>
    public static void AccessKeyToken(string who, string? token) => Valid(who, token, requireUserClaims: false);

    /// <summary>A token signed with an Entra-issued key: valid for that key and audience, kid = the key id.</summary>
    public static void IdentityToken(string who, string? token, string accessKey, string keyId, string audience)
    {
        var jwt = Valid(who, token, requireUserClaims: false, accessKey, audience);
        Check(jwt.Kid == keyId, who + ": the header kid is not the issued key's id");
    }

    private static JsonWebToken Valid(string who, string? token, bool requireUserClaims, string accessKey = BenchmarkInputs.AccessKey, string audience = BenchmarkInputs.Audience)
    {
        Check(!string.IsNullOrEmpty(token), who + ": no token");
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(accessKey)),
            ValidAudience = audience,
            ValidIssuer = AccessTokenWriter.Issuer,
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = new JsonWebTokenHandler().ValidateTokenAsync(token, parameters).GetAwaiter().GetResult();
        Check(result.IsValid, who + ": the token is rejected: " + result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Check(jwt.Alg == SecurityAlgorithms.HmacSha256, who + ": alg is " + jwt.Alg);
        Check(jwt.ValidTo - jwt.ValidFrom == TimeSpan.FromSeconds(BenchmarkInputs.LifetimeSeconds), who + ": the lifetime is not one hour");
        Check(Claim(jwt, BenchmarkInputs.UserIdClaim) == BenchmarkInputs.UserId, who + ": asrs.s.uid is missing or wrong");
        if (requireUserClaims)
        {
            Check(Claim(jwt, BenchmarkInputs.NameClaim) == BenchmarkInputs.NameValue, who + ": the name claim is missing or wrong");
            Check(Claim(jwt, BenchmarkInputs.RoleClaim) == BenchmarkInputs.RoleValue, who + ": the role claim is missing or wrong");
        }

        return jwt;
    }

    private static string? Claim(JsonWebToken token, string type) => token.TryGetPayloadValue<string>(type, out var value) ? value : null;

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark input check failed: " + message);
        }
    }
}
