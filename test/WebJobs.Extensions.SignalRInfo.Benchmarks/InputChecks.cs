using System;
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
