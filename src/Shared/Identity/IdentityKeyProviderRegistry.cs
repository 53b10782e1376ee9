using System;
using System.Collections.Generic;
using System.Threading;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// Holds one <see cref="IdentityKeyProvider"/> per key endpoint + credential, so that every connection setting (and
/// every re-read of a changed setting) naming the same pair shares one key. A provider that no setting uses any more
/// (its setting changed to another endpoint or credential) is removed and disposed: its refresh timer stops. Disposing the registry (with the host) stops pending
/// fetches and refresh timers.
/// </summary>
internal sealed class IdentityKeyProviderRegistry : IDisposable
{
    private readonly Dictionary<string, IdentityKeyProvider> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<IdentityKeyProvider, string> _keys = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IdentityKeyClient _client;
    private readonly IdentityKeyPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private bool _disposed;

    public IdentityKeyProviderRegistry(IdentityKeyClient client, IdentityKeyPolicy policy, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _client = client;
        _policy = policy;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger(LogCategory.Name);
    }

    /// <summary>
    /// The provider for <paramref name="accessKeyUri"/> and the credential identified by
    /// <paramref name="credentialIdentity"/> (a secret-free fingerprint); <paramref name="createCredential"/> runs
    /// only when there is none yet.
    /// </summary>
    public IdentityKeyProvider GetProvider(Uri accessKeyUri, string credentialIdentity, Func<(TokenCredential Credential, string Description)> createCredential) =>
        GetProvider(accessKeyUri, credentialIdentity, createCredential, settingName: null);

    /// <summary>
    /// As <see cref="GetProvider(Uri, string, Func{ValueTuple{TokenCredential, string}})"/>, and records (under the
    /// registry's lock, so that a concurrent <see cref="Release"/> cannot dispose it first) that
    /// <paramref name="settingName"/> uses the provider.
    /// </summary>
    public IdentityKeyProvider GetProvider(Uri accessKeyUri, string credentialIdentity, Func<(TokenCredential Credential, string Description)> createCredential, string? settingName)
    {
        var key = ProviderKey(accessKeyUri, credentialIdentity);
        lock (_providers)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(IdentityKeyProviderRegistry));
            }

            if (_providers.TryGetValue(key, out var existing))
            {
                if (settingName is not null)
                {
                    existing.AddSettingName(settingName);
                }

                return existing;
            }

            var (credential, description) = createCredential();
            var provider = new IdentityKeyProvider(accessKeyUri, credential, description, _client, _policy, _timeProvider, _logger, _stopping.Token);
            if (settingName is not null)
            {
                provider.AddSettingName(settingName);
            }

            _providers.Add(key, provider);
            _keys.Add(provider, key);
            return provider;
        }
    }

    /// <summary>
    /// Records that <paramref name="settingName"/> no longer uses <paramref name="provider"/>; when no setting does, the
    /// provider is removed and disposed (a later setting naming the same pair gets a new one).
    /// </summary>
    public void Release(IdentityKeyProvider provider, string settingName)
    {
        lock (_providers)
        {
            if (_disposed || provider.RemoveSettingName(settingName) > 0 || !_keys.TryGetValue(provider, out var key))
            {
                return;
            }

            _keys.Remove(provider);
            _providers.Remove(key);
        }

        provider.Dispose();
    }

    private static string ProviderKey(Uri accessKeyUri, string credentialIdentity) => accessKeyUri.AbsoluteUri + "\n" + credentialIdentity;

    /// <inheritdoc />
    public void Dispose()
    {
        IdentityKeyProvider[] providers;
        lock (_providers)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            providers = new IdentityKeyProvider[_providers.Count];
            _providers.Values.CopyTo(providers, 0);
        }

        _stopping.Cancel();
        foreach (var provider in providers)
        {
            provider.Dispose();
        }

        // _stopping is not disposed: fetches still finishing read its (cancelled) token; it holds no timer.
    }
}
