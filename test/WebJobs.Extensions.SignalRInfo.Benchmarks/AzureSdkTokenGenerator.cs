using System;
using System.Collections.Generic;
using System.Reflection;
using System.Security.Claims;
using Microsoft.Azure.SignalR;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The Azure SignalR SDK's own access-token generator (Microsoft.Azure.SignalR 1.34.0), which is internal:
/// <c>AuthUtility.GenerateAccessToken(keyBytes, kid, audience, claims, lifetime, algorithm)</c>, the static method
/// its <c>AccessKey.GenerateAccessTokenAsync</c> calls for every negotiate. Reflection is used once, here, to bind a
/// typed delegate; each call is then a plain delegate call. Key bytes and kid come from the SDK's own
/// <c>AccessKey</c>, prepared once as the SDK keeps it per endpoint.
/// </summary>
internal sealed class AzureSdkTokenGenerator
{
    private readonly Func<byte[], string, string, IEnumerable<Claim>, TimeSpan, AccessTokenAlgorithm, string> _generate;
    private readonly byte[] _keyBytes;
    private readonly string _kid;

    public AzureSdkTokenGenerator(string accessKey)
    {
        var assembly = typeof(AccessTokenAlgorithm).Assembly;
        var accessKeyType = Required(assembly.GetType("Microsoft.Azure.SignalR.AccessKey"), "type AccessKey");
        var authUtility = Required(assembly.GetType("Microsoft.Azure.SignalR.AuthUtility"), "type AuthUtility");
        var ctor = Required(accessKeyType.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, new[] { typeof(string) }), "AccessKey(string)");
        var key = ctor.Invoke(new object[] { accessKey });
        _keyBytes = (byte[])Required(accessKeyType.GetProperty("KeyBytes", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance), "AccessKey.KeyBytes").GetValue(key)!;
        _kid = (string)Required(accessKeyType.GetProperty("Kid", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance), "AccessKey.Kid").GetValue(key)!;
        var method = Required(
            authUtility.GetMethod(
                "GenerateAccessToken",
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
                new[] { typeof(byte[]), typeof(string), typeof(string), typeof(IEnumerable<Claim>), typeof(TimeSpan), typeof(AccessTokenAlgorithm) }),
            "AuthUtility.GenerateAccessToken(byte[], string, string, IEnumerable<Claim>, TimeSpan, AccessTokenAlgorithm)");
        _generate = method.CreateDelegate<Func<byte[], string, string, IEnumerable<Claim>, TimeSpan, AccessTokenAlgorithm, string>>();
    }

    /// <summary>The kid the SDK writes for this key (a per-process string hash).</summary>
    public string Kid => _kid;

    /// <summary>Mints a token as the SDK does for a negotiate.</summary>
    public string Generate(string audience, IEnumerable<Claim> claims, TimeSpan lifetime) =>
        _generate(_keyBytes, _kid, audience, claims, lifetime, AccessTokenAlgorithm.HS256);

    private static T Required<T>(T? value, string what)
        where T : class =>
        value ?? throw new InvalidOperationException("Microsoft.Azure.SignalR 1.34.0 no longer has " + what + ": update the benchmark's reflection.");
}
