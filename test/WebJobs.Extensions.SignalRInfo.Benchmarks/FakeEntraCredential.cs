using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>A credential that hands out a fixed Entra token at once, so only the key endpoint is measured.</summary>
internal sealed class FakeEntraCredential : TokenCredential
{
    public const string Token = "benchmark-entra-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
