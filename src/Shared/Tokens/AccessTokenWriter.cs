using System;
using System.Buffers;
using System.Text;

namespace SignalRInfo.Core;

/// <summary>
/// Mints the HS256 access token (README, "Connections": header, payload and claim order as the service expects): header from the <see cref="SigningKey"/> (prepared once),
/// payload <c>asrs.s.uid</c>, copied claims, <c>nbf</c>, <c>exp</c>, <c>iat</c>, <c>iss</c>, <c>aud</c> written
/// straight into a pooled buffer, then base64url and one HMAC from the key's pool. The only allocation that
/// outlives the call is the token string; the pooled buffers go back cleared.
/// </summary>
internal static class AccessTokenWriter
{
    /// <summary>The longest token Azure SignalR Service accepts.</summary>
    public const int MaxTokenLength = 4096;

    /// <summary>The value of the <c>iss</c> claim.</summary>
    public const string Issuer = "azure-signalr";

    private const int SignatureLength = 32;
    private const int EncodedSignatureLength = 43;

    // The payload's own names and punctuation, as UTF-8 once.
    private static readonly byte[] UserIdName = Ascii("\"asrs.s.uid\":");
    private static readonly byte[] NotBeforeName = Ascii("\"nbf\":");
    private static readonly byte[] ExpiresName = Ascii(",\"exp\":");
    private static readonly byte[] IssuedAtName = Ascii(",\"iat\":");
    private static readonly byte[] IssuerAndAudienceName = Ascii(",\"iss\":\"" + Issuer + "\",\"aud\":\"");
    private static readonly byte[] End = Ascii("\"}");

    /// <summary>Writes a token.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="audiencePrefix">The audience up to the hub, e.g. <c>https://host/client/?hub=</c>.</param>
    /// <param name="lowerHub">The lower-cased hub name.</param>
    /// <param name="userId">The user id, or null for none (an empty string is written).</param>
    /// <param name="claims">The claims: copied ones, a <c>Claim</c> list no rule touches, or none (<c>default</c>).</param>
    /// <param name="issuedAt">Unix seconds: <c>nbf</c> and <c>iat</c>.</param>
    /// <param name="lifetimeSeconds">Seconds until <c>exp</c>.</param>
    /// <param name="inputs">Where the user id and claims came from, for the messages.</param>
    /// <exception cref="ArgumentException">The user id or a claim holds a lone UTF-16 surrogate.</exception>
    /// <exception cref="InvalidOperationException">The token would be longer than <see cref="MaxTokenLength"/> (checked before any buffer is rented when the inputs alone are too long).</exception>
    public static string Write(SigningKey key, string audiencePrefix, string lowerHub, string? userId, TokenClaims claims, long issuedAt, long lifetimeSeconds, TokenInputs inputs = TokenInputs.Binding)
    {
        // One pass over the inputs: their length (every input character takes at least one payload byte, at most six),
        // and whether a claim holds a lone surrogate.
        long characters = audiencePrefix.Length + lowerHub.Length + (userId?.Length ?? 0);
        long punctuation = 4 + (userId is null ? 0 : 18);
        var claimsInvalid = false;
        for (var i = 0; i < claims.Count; i++)
        {
            var type = claims.TypeAt(i);
            var values = claims.ValueCountAt(i);
            characters += type.Length;
            punctuation += 6 + (3 * values);
            claimsInvalid |= Utf16.IndexOfLoneSurrogate(type) >= 0;
            for (var j = 0; j < values; j++)
            {
                var text = claims.ValueAt(i, j).Text;
                characters += text.Length;
                claimsInvalid |= Utf16.IndexOfLoneSurrogate(text) >= 0;
            }
        }

        // When even one byte per character cannot fit, refuse before renting (a request-bound UserId of millions of
        // characters would otherwise cost 6 bytes each first).
        var least = key.HeaderSegment.Length + ((characters * 4) + 2) / 3 + 1 + EncodedSignatureLength;
        if (least > MaxTokenLength)
        {
            throw new InvalidOperationException(ErrorMessages.Format(inputs == TokenInputs.Binding ? ErrorMessages.TokenTooLongAtLeast : ErrorMessages.NegotiatorTokenTooLongAtLeast, lowerHub, least));
        }

        // UTF-8 has no form for a lone surrogate: the encoder would write U+FFFD, and distinct ids would become one user.
        if (userId is not null)
        {
            var lone = Utf16.IndexOfLoneSurrogate(userId);
            if (lone >= 0)
            {
                throw new ArgumentException(ErrorMessages.Format(inputs == TokenInputs.Binding ? ErrorMessages.UserIdLoneSurrogate : ErrorMessages.NegotiatorUserIdLoneSurrogate, lone));
            }
        }

        if (claimsInvalid)
        {
            throw new ArgumentException(inputs == TokenInputs.Binding ? ErrorMessages.ClaimLoneSurrogate : ErrorMessages.NegotiatorClaimLoneSurrogate);
        }

        // Room for the payload when every character takes its most bytes (six, as \uXXXX), so the buffer never grows.
        var estimate = (int)(128 + (characters * 6) + punctuation);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(estimate, SignatureLength));
        var rentedUsed = rented.Length;
        byte[]? output = null;
        var outputUsed = 0;
        try
        {
            var payload = new JsonPayloadWriter(rented);
            payload.WriteByte((byte)'{');
            if (userId is not null)
            {
                payload.WriteRaw(UserIdName);
                payload.WriteString(userId);
                payload.WriteByte((byte)',');
            }

            for (var i = 0; i < claims.Count; i++)
            {
                WriteClaim(ref payload, claims, i);
            }

            payload.WriteRaw(NotBeforeName);
            payload.WriteNumber(issuedAt);
            payload.WriteRaw(ExpiresName);
            payload.WriteNumber(issuedAt + lifetimeSeconds);
            payload.WriteRaw(IssuedAtName);
            payload.WriteNumber(issuedAt);
            payload.WriteRaw(IssuerAndAudienceName);
            payload.WriteEscaped(audiencePrefix);
            payload.WriteEscaped(lowerHub);
            payload.WriteRaw(End);

            rentedUsed = Math.Max(payload.Length, SignatureLength);
            var header = key.HeaderSegment;
            var total = header.Length + Base64Url.EncodedLength(payload.Length) + 1 + EncodedSignatureLength;
            if (total > MaxTokenLength)
            {
                throw new InvalidOperationException(ErrorMessages.Format(inputs == TokenInputs.Binding ? ErrorMessages.TokenTooLong : ErrorMessages.NegotiatorTokenTooLong, lowerHub, total));
            }

            // Two spare bytes: the encoder may write base64 padding past the end before it is trimmed.
            output = ArrayPool<byte>.Shared.Rent(total + 2);
            outputUsed = total + 2;
            Buffer.BlockCopy(header, 0, output, 0, header.Length);
            var pos = header.Length;
            pos += Base64Url.Encode(payload.Buffer, payload.Length, output, pos);

            // The payload bytes are encoded: their buffer now holds the signature.
            key.ComputeSignature(output, pos, rented);
            output[pos++] = (byte)'.';
            pos += Base64Url.Encode(rented, SignatureLength, output, pos);
            return Encoding.ASCII.GetString(output, 0, pos);
        }
        finally
        {
            // They held the token (a bearer credential until it expires), its signature and the user's claims: cleared,
            // as far as they were written, before the shared pool hands them to other code in the process.
            Array.Clear(rented, 0, rentedUsed);
            ArrayPool<byte>.Shared.Return(rented);
            if (output is not null)
            {
                Array.Clear(output, 0, outputUsed);
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static void WriteClaim(ref JsonPayloadWriter payload, TokenClaims claims, int index)
    {
        payload.WriteString(claims.TypeAt(index));
        payload.WriteByte((byte)':');
        var values = claims.ValueCountAt(index);
        if (values == 1)
        {
            WriteValue(ref payload, claims.ValueAt(index, 0));
        }
        else
        {
            payload.WriteByte((byte)'[');
            for (var i = 0; i < values; i++)
            {
                if (i > 0)
                {
                    payload.WriteByte((byte)',');
                }

                WriteValue(ref payload, claims.ValueAt(index, i));
            }

            payload.WriteByte((byte)']');
        }

        payload.WriteByte((byte)',');
    }

    private static void WriteValue(ref JsonPayloadWriter payload, ClaimValue value)
    {
        if (value.IsJson)
        {
            payload.WriteUtf8(value.Text);
        }
        else
        {
            payload.WriteString(value.Text);
        }
    }
}
