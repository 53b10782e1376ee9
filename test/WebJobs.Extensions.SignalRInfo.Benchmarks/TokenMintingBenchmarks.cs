using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// One access token for the same inputs (hub, user id, two copied claims, one hour) by four minters: ours, the
/// general-purpose JsonWebTokenHandler, the Azure SignalR SDK's generator, and the reused-HMAC floor (Baseline).
/// Every minter keeps what it would keep per key between calls; every call reads the clock and mints a new token.
/// </summary>
[MemoryDiagnoser]
public class TokenMintingBenchmarks
{
    private SigningKey _signingKey = null!;
    private string _audiencePrefix = null!;
    private IReadOnlyList<CopiedClaim> _claims = null!;
    private JsonWebTokenHandler _handler = null!;
    private SecurityTokenDescriptor _descriptor = null!;
    private AzureSdkTokenGenerator _sdk = null!;
    private List<Claim> _sdkClaims = null!;
    private TimeSpan _lifetime;
    private ReusedHmacFloor _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = ServiceConnectionString.Parse(BenchmarkInputs.ConnectionString, BenchmarkInputs.SettingName).Endpoint;
        _signingKey = SigningKey.FromAccessKey(BenchmarkInputs.AccessKey);
        _audiencePrefix = endpoint.AudiencePrefix;
        _claims = BenchmarkInputs.CopiedClaims();

        var keyBytes = Encoding.UTF8.GetBytes(BenchmarkInputs.AccessKey);
        _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = true, TokenLifetimeInMinutes = BenchmarkInputs.LifetimeSeconds / 60 };
        _descriptor = new SecurityTokenDescriptor
        {
            Audience = BenchmarkInputs.Audience,
            Issuer = AccessTokenWriter.Issuer,
            Claims = new Dictionary<string, object>
            {
                [BenchmarkInputs.UserIdClaim] = BenchmarkInputs.UserId,
                [BenchmarkInputs.NameClaim] = BenchmarkInputs.NameValue,
                [BenchmarkInputs.RoleClaim] = BenchmarkInputs.RoleValue,
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keyBytes) { KeyId = _signingKey.KeyId }, SecurityAlgorithms.HmacSha256),
        };

        _sdk = new AzureSdkTokenGenerator(BenchmarkInputs.AccessKey);
        _sdkClaims = new List<Claim>
        {
            new(BenchmarkInputs.UserIdClaim, BenchmarkInputs.UserId),
            new(BenchmarkInputs.NameClaim, BenchmarkInputs.NameValue),
            new(BenchmarkInputs.RoleClaim, BenchmarkInputs.RoleValue),
        };
        _lifetime = TimeSpan.FromSeconds(BenchmarkInputs.LifetimeSeconds);

        // The floor signs exactly the header and payload bytes our writer produces (taken from one of its tokens).
        var sample = Ours();
        var parts = sample.Split('.');
        _floor = new ReusedHmacFloor(keyBytes, System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));

        InputChecks.Minting(this, sample);
    }

    [GlobalCleanup]
    public void Cleanup() => _floor.Dispose();

    /// <summary>Ours: <see cref="AccessTokenWriter.Write"/> with a prepared <see cref="SigningKey"/>.</summary>
    [Benchmark(Description = "Ours: AccessTokenWriter")]
    public string Ours() =>
        AccessTokenWriter.Write(_signingKey, _audiencePrefix, BenchmarkInputs.LowerHub, BenchmarkInputs.UserId, _claims, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), BenchmarkInputs.LifetimeSeconds);

    /// <summary>Microsoft.IdentityModel's JsonWebTokenHandler with a reused handler, descriptor and key.</summary>
    [Benchmark(Description = "JsonWebTokenHandler.CreateToken")]
    public string JsonWebTokenHandler() => _handler.CreateToken(_descriptor);

    /// <summary>The Azure SignalR SDK 1.34.0 (AuthUtility.GenerateAccessToken, as its AccessKey calls it).</summary>
    [Benchmark(Description = "Azure SDK 1.34.0 AuthUtility")]
    public string AzureSdk() => _sdk.Generate(BenchmarkInputs.Audience, _sdkClaims, _lifetime);

    /// <summary>The floor: reused HMACSHA256 over the same header+payload bytes, plus base64url.</summary>
    [Benchmark(Baseline = true, Description = "Floor: reused HMACSHA256")]
    public string Floor() => _floor.Mint();

    /// <summary>Our token at a given time (for the start-up checks).</summary>
    internal string OursAt(long issuedAt) =>
        AccessTokenWriter.Write(_signingKey, _audiencePrefix, BenchmarkInputs.LowerHub, BenchmarkInputs.UserId, _claims, issuedAt, BenchmarkInputs.LifetimeSeconds);

    internal string SigningKeyId => _signingKey.KeyId;
}
