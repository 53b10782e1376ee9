using System;

namespace SignalRInfo.Core;

/// <summary>Base64url without padding (RFC 7515 §2), encoding into and decoding from caller buffers.</summary>
internal static class Base64Url
{
    private static readonly byte[] Alphabet = System.Text.Encoding.ASCII.GetBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>The encoded length of <paramref name="count"/> bytes, without padding.</summary>
    public static int EncodedLength(int count) => ((count / 3) * 4) + ((count % 3) switch { 0 => 0, 1 => 2, _ => 3 });

    /// <summary>
    /// Encodes <paramref name="source"/>[0..<paramref name="count"/>) at <paramref name="destination"/>[<paramref name="offset"/>];
    /// returns the bytes written. Up to two bytes after them may be overwritten when the destination has room.
    /// </summary>
    public static int Encode(byte[] source, int count, byte[] destination, int offset)
    {
        // The vectorized standard encoder (the runtime's, also under netstandard2.0 on .NET), then the two alphabet
        // changes; the padding it writes past the encoded length is left for the caller to overwrite, so there must
        // be room for it.
        if (destination.Length - offset >= ((count + 2) / 3) * 4)
        {
            var length = EncodedLength(count);
            System.Buffers.Text.Base64.EncodeToUtf8(source.AsSpan(0, count), destination.AsSpan(offset), out _, out _);
#if NET
            var encoded = destination.AsSpan(offset, length);
            encoded.Replace((byte)'+', (byte)'-');
            encoded.Replace((byte)'/', (byte)'_');
#else
            for (var j = offset; j < offset + length; j++)
            {
                var b = destination[j];
                if (b == (byte)'+')
                {
                    destination[j] = (byte)'-';
                }
                else if (b == (byte)'/')
                {
                    destination[j] = (byte)'_';
                }
            }
#endif
            return length;
        }

        var alphabet = Alphabet;
        var d = offset;
        var i = 0;
        for (; i + 2 < count; i += 3)
        {
            var v = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
            destination[d] = alphabet[v >> 18];
            destination[d + 1] = alphabet[(v >> 12) & 63];
            destination[d + 2] = alphabet[(v >> 6) & 63];
            destination[d + 3] = alphabet[v & 63];
            d += 4;
        }

        var rest = count - i;
        if (rest == 1)
        {
            var v = source[i] << 16;
            destination[d++] = alphabet[v >> 18];
            destination[d++] = alphabet[(v >> 12) & 63];
        }
        else if (rest == 2)
        {
            var v = (source[i] << 16) | (source[i + 1] << 8);
            destination[d++] = alphabet[v >> 18];
            destination[d++] = alphabet[(v >> 12) & 63];
            destination[d++] = alphabet[(v >> 6) & 63];
        }

        return d - offset;
    }

    /// <summary>Decodes base64url text (padding optional); null when it is not base64url.</summary>
    public static byte[]? Decode(string text)
    {
        if (text.Length % 4 == 1)
        {
            return null;
        }

        var chars = new char[text.Length + ((4 - (text.Length % 4)) % 4)];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '-': chars[i] = '+'; break;
                case '_': chars[i] = '/'; break;
                case '+':
                case '/':
                    return null;
                default: chars[i] = c; break;
            }
        }

        for (var i = text.Length; i < chars.Length; i++)
        {
            chars[i] = '=';
        }

        try
        {
            return Convert.FromBase64CharArray(chars, 0, chars.Length);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
