using System.Collections.Concurrent;
using System.Collections.Generic;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>An IServiceCredentialFactory that returns one fake credential and records what it was asked for.</summary>
internal sealed class FakeCredentialFactory : IServiceCredentialFactory
{
    private readonly ConcurrentQueue<(IdentityCredentialSpec Spec, string? SectionPath)> _requests = new();

    public FakeTokenCredential Credential { get; } = new();

    public IReadOnlyCollection<(IdentityCredentialSpec Spec, string? SectionPath)> Requests => _requests.ToArray();

    public TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section)
    {
        _requests.Enqueue((spec, (section as IConfigurationSection)?.Path));
        return Credential;
    }
}
