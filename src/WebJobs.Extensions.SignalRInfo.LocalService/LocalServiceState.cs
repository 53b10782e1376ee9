using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>The mutable state of one service instance (never static): keys, issued Entra-style keys, connections, health, counters.</summary>
internal sealed class LocalServiceState
{
    private readonly ConcurrentDictionary<string, byte[]> _issuedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalServiceConnection> _connections = new(StringComparer.Ordinal);
    private readonly Lock _healthGate = new();
    private int _accessKeyRequests;
    private int _healthRequests;
    private bool _healthy;
    private int _unhealthyStatusCode = LocalSignalRService.DefaultUnhealthyStatusCode;

    public LocalServiceState(string accessKey, bool healthy = true)
    {
        AccessKeyBytes = Encoding.UTF8.GetBytes(accessKey);
        _healthy = healthy;
    }

    /// <summary>The main access key as the service uses it: the UTF-8 bytes of the string, never base64-decoded.</summary>
    public byte[] AccessKeyBytes { get; }

    public int AccessKeyRequestCount => Volatile.Read(ref _accessKeyRequests);

    public int HealthRequestCount => Volatile.Read(ref _healthRequests);

    public bool Healthy
    {
        get
        {
            lock (_healthGate)
            {
                return _healthy;
            }
        }
    }

    public int UnhealthyStatusCode
    {
        get
        {
            lock (_healthGate)
            {
                return _unhealthyStatusCode;
            }
        }
    }

    /// <summary>The status <c>/api/health</c> answers now: 200 while healthy, else the unhealthy status code.</summary>
    public int HealthStatusCode
    {
        get
        {
            lock (_healthGate)
            {
                return _healthy ? 200 : _unhealthyStatusCode;
            }
        }
    }

    public IReadOnlyCollection<string> IssuedKeyIds => _issuedKeys.Keys.ToArray();

    public IReadOnlyList<LocalServiceConnection> Connections => _connections.Values.ToArray();

    /// <summary>A new random key: 32 random bytes, base64 (used as the UTF-8 bytes of that string).</summary>
    public static string GenerateKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public void CountAccessKeyRequest() => Interlocked.Increment(ref _accessKeyRequests);

    public void CountHealthRequest() => Interlocked.Increment(ref _healthRequests);

    /// <summary>Sets the health and/or the unhealthy status code (null keeps the current value).</summary>
    /// <returns>The status <c>/api/health</c> answers from now on, and whether that changed.</returns>
    public (int StatusCode, bool Changed) SetHealth(bool? healthy = null, int? unhealthyStatusCode = null)
    {
        lock (_healthGate)
        {
            var before = _healthy ? 200 : _unhealthyStatusCode;
            _healthy = healthy ?? _healthy;
            _unhealthyStatusCode = unhealthyStatusCode ?? _unhealthyStatusCode;
            var after = _healthy ? 200 : _unhealthyStatusCode;
            return (after, after != before);
        }
    }

    public (string KeyId, string AccessKey) IssueKey()
    {
        var keyId = "local-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var accessKey = GenerateKey();
        _issuedKeys[keyId] = Encoding.UTF8.GetBytes(accessKey);
        return (keyId, accessKey);
    }

    public byte[]? FindIssuedKey(string keyId) => _issuedKeys.TryGetValue(keyId, out var key) ? key : null;

    public void AddConnection(LocalServiceConnection connection) => _connections[connection.ConnectionId] = connection;

    public void RemoveConnection(string connectionId) => _connections.TryRemove(connectionId, out _);
}
