using Azure.Core;
using Microsoft.Extensions.Configuration;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// Gives every identity connection a <see cref="FakeTokenCredential"/> (registered before
/// <c>AddSignalRConnectionInfo()</c>, whose registration is TryAdd): the key endpoint on loopback sees its token.
/// </summary>
internal sealed class FakeServiceCredentialFactory : IServiceCredentialFactory
{
    public TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section) => new FakeTokenCredential();
}
