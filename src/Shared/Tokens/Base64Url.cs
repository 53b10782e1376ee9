using System;
using System.Buffers;
#if !NET
using System.Numerics;
using System.Runtime.InteropServices;
#endif

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
            ToUrlAlphabet(destination.AsSpan(offset, length));
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

#if !NET
    /// <summary>
    /// '+' to '-' and '/' to '_', a vector at a time where the runtime accelerates <see cref="Vector{T}"/> (as .NET
    /// does for this netstandard2.0 build).
    /// </summary>
    private static void ToUrlAlphabet(Span<byte> encoded)
    {
        var done = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var plus = new Vector<byte>((byte)'+');
            var minus = new Vector<byte>((byte)'-');
            var slash = new Vector<byte>((byte)'/');
            var underscore = new Vector<byte>((byte)'_');
            var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(encoded);
            for (var i = 0; i < vectors.Length; i++)
            {
                var v = vectors[i];
                v = Vector.ConditionalSelect(Vector.Equals(v, plus), minus, v);
                vectors[i] = Vector.ConditionalSelect(Vector.Equals(v, slash), underscore, v);
            }

            done = vectors.Length * Vector<byte>.Count;
        }

        for (var j = done; j < encoded.Length; j++)
        {
            encoded[j] = encoded[j] switch { (byte)'+' => (byte)'-', (byte)'/' => (byte)'_', var b => b };
        }
    }

#endif
    /// <summary>The most bytes <see cref="TryDecode"/> writes for <paramref name="length"/> characters.</summary>
    public static int MaxDecodedLength(int length) => ((length + 3) / 4) * 3;

    /// <summary>
    /// Decodes base64url text (padding optional) into <paramref name="destination"/>, which holds at least
    /// <see cref="MaxDecodedLength"/> bytes; false when the text is not base64url. As <see cref="Convert"/> does,
    /// white space between the characters is skipped.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, byte[] destination, out int written)
    {
        written = 0;
        if (text.Length % 4 == 1 || text.IndexOfAny('+', '/') >= 0)
        {
            return false;
        }

        // The standard alphabet with padding, in a pooled copy: the runtime's decoder does the rest.
        var padded = text.Length + ((4 - (text.Length % 4)) % 4);
        var chars = ArrayPool<char>.Shared.Rent(padded);
        try
        {
            var standard = chars.AsSpan(0, padded);
            text.CopyTo(standard);
#if NET
            standard.Slice(0, text.Length).Replace('-', '+');
            standard.Slice(0, text.Length).Replace('_', '/');
#else
            for (var i = 0; i < text.Length; i++)
            {
                standard[i] = standard[i] switch { '-' => '+', '_' => '/', var c => c };
            }
#endif
            standard.Slice(text.Length).Fill('=');
#if NET
            return Convert.TryFromBase64Chars(standard, destination, out written);
#else
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64CharArray(chars, 0, padded);
            }
            catch (FormatException)
            {
                return false;
            }

            Buffer.BlockCopy(bytes, 0, destination, 0, bytes.Length);
            written = bytes.Length;
            return true;
#endif
        }
        finally
        {
            // What it held is someone's ID token payload: it does not stay in the shared pool.
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
    }
}
