using System;
using System.Security.Cryptography;
using B64 = System.Buffers.Text.Base64Url;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The floor of minting (what <see cref="TargetReport"/> compares ours with): the header and payload JSON are given
/// as bytes (no JSON is written), then base64url of both, one HMAC-SHA256 with an instance created once and reused,
/// base64url of the signature, and the token string. No token writer can skip any of these steps.
/// </summary>
internal sealed class ReusedHmacFloor : IDisposable
{
    private const int EncodedSignatureLength = 43;
    private readonly HMACSHA256 _hmac;
    private readonly byte[] _headerJson;
    private readonly byte[] _payloadJson;

    public ReusedHmacFloor(byte[] key, byte[] headerJson, byte[] payloadJson)
    {
        _hmac = new HMACSHA256(key);
        _headerJson = headerJson;
        _payloadJson = payloadJson;
    }

    /// <summary>Signs the fixed header and payload.</summary>
    public string Mint()
    {
        var headerLength = B64.GetEncodedLength(_headerJson.Length);
        var signingInput = new byte[headerLength + 1 + B64.GetEncodedLength(_payloadJson.Length)];
        B64.EncodeToUtf8(_headerJson, signingInput);
        signingInput[headerLength] = (byte)'.';
        B64.EncodeToUtf8(_payloadJson, signingInput.AsSpan(headerLength + 1));
        var signature = _hmac.ComputeHash(signingInput);
        return string.Create(signingInput.Length + 1 + EncodedSignatureLength, (signingInput, signature), static (chars, state) =>
        {
            var input = state.signingInput;
            for (var i = 0; i < input.Length; i++)
            {
                chars[i] = (char)input[i];
            }

            chars[input.Length] = '.';
            B64.EncodeToChars(state.signature, chars.Slice(input.Length + 1));
        });
    }

    public void Dispose() => _hmac.Dispose();
}
