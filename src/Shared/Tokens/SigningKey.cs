using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace SignalRInfo.Core;

/// <summary>
/// A key that signs access tokens, with everything per-key prepared once: the key bytes, the encoded JWT header
/// (with its <c>kid</c>) and a small pool of reusable HMAC-SHA256 instances, so minting a token creates no HMAC
/// object. The key material never leaves this type, and <see cref="ToString"/> shows only the key id.
/// </summary>
internal sealed class SigningKey
{
    private const string KidDerivationLabel = "WebJobs.Extensions.SignalRInfo kid v1\n";
#if !NET

    /// <summary>
    /// The runtime's <c>IncrementalHash.TryGetHashAndReset(Span&lt;byte&gt;, out int)</c> (.NET Core 2.1 and later), which
    /// netstandard2.0 cannot name: where the runtime has it, the hash goes into the caller's buffer, not a new array.
    /// </summary>
    private static readonly TryGetHashAndResetMethod? TryGetHashAndReset = FindTryGetHashAndReset();
#endif
    private readonly byte[] _key;
    private readonly IncrementalHash?[] _pool;

    /// <summary>Creates a signing key from the key text (its UTF-8 bytes are the HMAC key) and a key id.</summary>
    public SigningKey(string keyId, string accessKey)
    {
        KeyId = keyId;
        _key = Encoding.UTF8.GetBytes(accessKey);
        _pool = new IncrementalHash?[Math.Max(2, Math.Min(Environment.ProcessorCount * 2, 32))];
        var header = new JsonPayloadWriter(64 + (keyId.Length * 6));
        header.WriteRaw("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":");
        header.WriteString(keyId);
        header.WriteRaw("}");
        var encoded = new byte[Base64Url.EncodedLength(header.Length) + 1];
        var written = Base64Url.Encode(header.Buffer, header.Length, encoded, 0);
        encoded[written] = (byte)'.';
        HeaderSegment = encoded;
    }

    /// <summary>The <c>kid</c> written into the token header.</summary>
    public string KeyId { get; }

    /// <summary>ASCII bytes of <c>base64url(header) + "."</c>.</summary>
    public byte[] HeaderSegment { get; }

    /// <summary>
    /// A signing key for a connection-string access key. Its kid is stable across processes and derived one-way
    /// from the key (a truncated SHA-256 of a labelled copy), never the key itself.
    /// </summary>
    public static SigningKey FromAccessKey(string accessKey)
    {
        var material = Encoding.UTF8.GetBytes(KidDerivationLabel + accessKey);
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(material);
        }

        var kid = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            kid.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return new SigningKey(kid.ToString(), accessKey);
    }

    /// <summary>Computes HMAC-SHA256 of <paramref name="data"/>[0..<paramref name="count"/>) with this key.</summary>
    public void ComputeSignature(byte[] data, int count, byte[] signature)
    {
        var hmac = Rent();
        try
        {
            hmac.AppendData(data, 0, count);
#if NET
            if (!hmac.TryGetHashAndReset(signature, out _))
            {
                throw new InvalidOperationException("HMAC-SHA256 produced no hash.");
            }
#else
            if (TryGetHashAndReset is { } tryGetHashAndReset)
            {
                if (!tryGetHashAndReset(hmac, signature, out _))
                {
                    throw new InvalidOperationException("HMAC-SHA256 produced no hash.");
                }
            }
            else
            {
                Buffer.BlockCopy(hmac.GetHashAndReset(), 0, signature, 0, 32);
            }
#endif
        }
        catch
        {
            hmac.Dispose();
            throw;
        }

        Return(hmac);
    }

    /// <inheritdoc />
    public override string ToString() => "SigningKey(kid=" + KeyId + ")";
#if !NET

    /// <summary>True when this build writes the hash into the caller's buffer (the runtime has the method).</summary>
    internal static bool HashesInPlace => TryGetHashAndReset is not null;

    private static TryGetHashAndResetMethod? FindTryGetHashAndReset()
    {
        var method = typeof(IncrementalHash).GetMethod("TryGetHashAndReset", new[] { typeof(Span<byte>), typeof(int).MakeByRefType() });
        return method is null ? null : (TryGetHashAndResetMethod?)Delegate.CreateDelegate(typeof(TryGetHashAndResetMethod), method, throwOnBindFailure: false);
    }
#endif

    private IncrementalHash Rent()
    {
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            var hmac = Interlocked.Exchange(ref pool[i], null);
            if (hmac is not null)
            {
                return hmac;
            }
        }

        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }

    private void Return(IncrementalHash hmac)
    {
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[i], hmac, null) is null)
            {
                return;
            }
        }

        hmac.Dispose();
    }
#if !NET

    private delegate bool TryGetHashAndResetMethod(IncrementalHash hash, Span<byte> destination, out int written);
#endif
}
