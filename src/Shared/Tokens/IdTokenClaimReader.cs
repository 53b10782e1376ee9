using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SignalRInfo.Core;

/// <summary>
/// Copies claims from an IdToken into an access token (README, "Claims from an ID token"): the token is decoded, not validated, as
/// the service SDK does; claims are filtered by ClaimTypeList (exact, case-sensitive), then follow
/// <see cref="ClaimRules"/> (<c>asrs.*</c> dropped, reserved names renamed, ignoring case), so a forged IdToken
/// cannot set the service's own claims.
/// </summary>
internal static class IdTokenClaimReader
{
    /// <summary>Raw JSON text of copied values: bytes that are not UTF-8 are refused, never replaced.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the claims of <paramref name="idToken"/> whose types are in <paramref name="claimTypes"/>.</summary>
    /// <returns>The claims in order of first appearance, or null when there is nothing to copy.</returns>
    /// <exception cref="ArgumentException">The IdToken is not a readable JWT; the message holds no part of it.</exception>
    public static IReadOnlyList<CopiedClaim>? Read(string? idToken, string[]? claimTypes)
    {
        if (claimTypes is null || claimTypes.Length == 0 || idToken is null)
        {
            return null;
        }

        var token = idToken.AsSpan().Trim();
        if (token.Length == 0)
        {
            return null;
        }

        if (token.StartsWith("Bearer ".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            token = token.Slice(7).Trim();
        }

        // header.payload.signature: only the payload is read (no copy of the other two parts).
        var first = token.IndexOf('.');
        var second = first < 0 ? -1 : token.Slice(first + 1).IndexOf('.');
        if (second < 0 || token.Slice(first + 1 + second + 1).IndexOf('.') >= 0)
        {
            throw Malformed(ErrorMessages.IdTokenNotThreeParts);
        }

        var encoded = token.Slice(first + 1, second);
        var payload = ArrayPool<byte>.Shared.Rent(Base64Url.MaxDecodedLength(encoded.Length));
        try
        {
            if (!Base64Url.TryDecode(encoded, payload, out var length))
            {
                throw Malformed(ErrorMessages.IdTokenPayloadNotBase64Url);
            }

            return Copy(payload, length, claimTypes);
        }
        catch (JsonException)
        {
            // The reader's message may quote the payload: it is not passed on.
            throw Malformed(ErrorMessages.IdTokenPayloadNotJsonObject);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DecoderFallbackException)
        {
            // A lone surrogate escape or bytes that are not UTF-8 in a property name or a copied value: System.Text.Json's
            // message may quote the payload. It is not passed on.
            throw Malformed(ErrorMessages.IdTokenPayloadInvalidText);
        }
        finally
        {
            // The decoded claims of someone's ID token do not stay in the shared pool (nor its text: Base64Url.TryDecode).
            ArrayPool<byte>.Shared.Return(payload, clearArray: true);
        }
    }

    /// <summary>
    /// One forward pass over the payload (the whole of it, so a malformed one is refused as before): every top-level
    /// name is decoded (which validates it) into a stack buffer and compared with the listed types, whose own string
    /// then serves as the claim type; values of other claims are skipped unread.
    /// </summary>
    private static IReadOnlyList<CopiedClaim>? Copy(byte[] payload, int length, string[] claimTypes)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(payload, 0, length));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Malformed(ErrorMessages.IdTokenPayloadNotJsonObject);
        }

        var claims = new CopiedClaimList(claimTypes.Length);
        var subSeen = false;
        Span<char> name = stackalloc char[128];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var type = ListedType(ref reader, claimTypes, name);
            reader.Read();
            if (type is null || ClaimRules.IsServiceClaim(type))
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ClaimRules.Add(ref claims, type, ReadValue(ref reader, payload), ref subSeen);
                }
            }
            else
            {
                ClaimRules.Add(ref claims, type, ReadValue(ref reader, payload), ref subSeen);
            }
        }

        // The rest (nothing but the end of the root object): read to the end, so trailing data is refused.
        while (reader.Read())
        {
        }

        return claims.ToList();
    }

    /// <summary>The listed claim type equal to the current property name, or null; decoding the name validates it.</summary>
    private static string? ListedType(ref Utf8JsonReader reader, string[] claimTypes, scoped Span<char> buffer)
    {
        scoped ReadOnlySpan<char> text;
        if (reader.ValueSpan.Length <= buffer.Length)
        {
            text = buffer.Slice(0, reader.CopyString(buffer));
        }
        else
        {
            text = reader.GetString().AsSpan();
        }

        foreach (var claimType in claimTypes)
        {
            if (claimType is not null && text.SequenceEqual(claimType.AsSpan()))
            {
                return claimType;
            }
        }

        return null;
    }

    /// <summary>A string's value, or the JSON text of anything else (numbers, booleans, null, objects, arrays) as written.</summary>
    private static ClaimValue ReadValue(ref Utf8JsonReader reader, byte[] payload)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new ClaimValue(reader.GetString()!, isJson: false);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return new ClaimValue(StrictUtf8.GetString(payload, start, (int)reader.BytesConsumed - start), isJson: true);
            default:
                return new ClaimValue(StrictUtf8.GetString(payload, (int)reader.TokenStartIndex, reader.ValueSpan.Length), isJson: true);
        }
    }

    private static ArgumentException Malformed(string reason) => new(ErrorMessages.Format(ErrorMessages.IdTokenMalformed, reason));
}
