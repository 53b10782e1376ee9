using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// One access token for the same inputs (hub, user id, two copied claims, one hour) by six minters: ours, the
/// negotiator of each package (<c>ISignalRNegotiator</c>, claims given as <see cref="Claim"/>s), the general-purpose
/// JsonWebTokenHandler, the Azure SignalR SDK's generator, and the reused-HMAC floor (Baseline).
/// Every minter keeps what it would keep per key between calls; every call reads the clock and mints a new token.
/// </summary>
[MemoryDiagnoser]
public class TokenMintingBenchmarks
{
    private SigningKey _signingKey = null!;
    private string _audiencePrefix = null!;
    private TokenClaims _claims;
    private JsonWebTokenHandler _handler = null!;
    private SecurityTokenDescriptor _descriptor = null!;
    private AzureSdkTokenGenerator _sdk = null!;
    private List<Claim> _sdkClaims = null!;
    private TimeSpan _lifetime;
    private ReusedHmacFloor _floor = null!;
    private ISignalRNegotiator _hostNegotiator = null!;
    private Functions.Worker.Extensions.SignalRInfo.ISignalRNegotiator _workerNegotiator = null!;
    private ServiceProvider _workerServices = null!;
    private SignalRNegotiateOptions _hostOptions = null!;
    private Functions.Worker.Extensions.SignalRInfo.SignalRNegotiateOptions _workerOptions = null!;
    private IdentityKeyProviderRegistry _registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = ServiceConnectionString.Parse(BenchmarkInputs.ConnectionString, BenchmarkInputs.SettingName).Endpoint;
        _signingKey = SigningKey.FromAccessKey(BenchmarkInputs.AccessKey);
        _audiencePrefix = endpoint.AudiencePrefix;
        _claims = new TokenClaims(BenchmarkInputs.CopiedClaims());

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

        // The host package's negotiator as AddSignalRConnectionInfo() builds it, the worker's through its public AddSignalRNegotiator().
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [BenchmarkInputs.SettingName] = BenchmarkInputs.ConnectionString }).Build();
        _registry = new IdentityKeyProviderRegistry(new IdentityKeyClient(TimeProvider.System), new IdentityKeyPolicy(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var resolver = new ServiceConnectionResolver(configuration, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, _registry, new NoCredentials(), new SignalRInfoOptions().ToSettings());
        _hostNegotiator = new SignalRNegotiator(new ConnectionInfoIssuer(resolver, TimeProvider.System));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSignalRNegotiator();
        _workerServices = services.BuildServiceProvider();
        _workerNegotiator = _workerServices.GetRequiredService<Functions.Worker.Extensions.SignalRInfo.ISignalRNegotiator>();
        var claims = new[] { new Claim(BenchmarkInputs.NameClaim, BenchmarkInputs.NameValue), new Claim(BenchmarkInputs.RoleClaim, BenchmarkInputs.RoleValue) };
        _hostOptions = new SignalRNegotiateOptions { UserId = BenchmarkInputs.UserId, Claims = claims };
        _workerOptions = new Functions.Worker.Extensions.SignalRInfo.SignalRNegotiateOptions { UserId = BenchmarkInputs.UserId, Claims = claims };

        // The floor signs exactly the header and payload bytes our writer produces (taken from one of its tokens).
        var sample = Ours();
        var parts = sample.Split('.');
        _floor = new ReusedHmacFloor(keyBytes, System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));

        InputChecks.Minting(this, sample);
        InputChecks.NegotiatorPayloads(_hostNegotiator, _workerNegotiator, _sdk);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _workerServices.Dispose();
        _registry.Dispose();
    }

    /// <summary>Ours: <c>AccessTokenWriter.Write</c> with a prepared <c>SigningKey</c>.</summary>
    [Benchmark(Description = "Ours: AccessTokenWriter")]
    public string Ours() =>
        AccessTokenWriter.Write(_signingKey, _audiencePrefix, BenchmarkInputs.LowerHub, BenchmarkInputs.UserId, _claims, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), BenchmarkInputs.LifetimeSeconds);

    /// <summary>The host package's <c>ISignalRNegotiator</c> (completes synchronously with an access key).</summary>
    [Benchmark(Description = "Ours: host ISignalRNegotiator")]
    public string HostNegotiator() => _hostNegotiator.NegotiateAsync(BenchmarkInputs.Hub, _hostOptions).Result.AccessToken!;

    /// <summary>The worker package's <c>ISignalRNegotiator</c>, from AddSignalRNegotiator().</summary>
    [Benchmark(Description = "Ours: worker ISignalRNegotiator")]
    public string WorkerNegotiator() => _workerNegotiator.NegotiateAsync(BenchmarkInputs.Hub, _workerOptions).Result.AccessToken!;

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

    private sealed class NoCredentials : IServiceCredentialFactory
    {
        public Azure.Core.TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section) => throw new InvalidOperationException("access key only");
    }
}
