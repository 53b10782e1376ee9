using System;
#if !NET
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using System.Text;

namespace SignalRInfo.Core;

/// <summary>
/// Writes compact JSON as UTF-8 into one buffer: non-ASCII as raw UTF-8 (but U+0085, U+2028, U+2029), <c>"</c> and
/// <c>\</c> and control characters escaped, <c>/</c> not escaped. The caller sizes the buffer (a string takes at most
/// <see cref="MaxStringBytes"/>); it grows if that was short.
/// </summary>
internal struct JsonPayloadWriter
{
    private static readonly byte[] Hex = Encoding.ASCII.GetBytes("0123456789abcdef");
#if NET

    /// <summary>The characters written as they are: printable ASCII except <c>"</c> and <c>\</c>.</summary>
    private static readonly System.Buffers.SearchValues<char> Verbatim = System.Buffers.SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f");
#endif

    public JsonPayloadWriter(int capacity)
    {
        Buffer = new byte[capacity];
        Length = 0;
    }

    public JsonPayloadWriter(byte[] buffer)
    {
        Buffer = buffer;
        Length = 0;
    }

    public byte[] Buffer { get; private set; }

    public int Length { get; private set; }

    /// <summary>An upper bound of the bytes <see cref="WriteString"/> writes for <paramref name="value"/>, quotes included.</summary>
    public static int MaxStringBytes(string value) => (value.Length * 6) + 2;

    /// <summary>Writes ASCII text as it is (property names, punctuation and literals of our own).</summary>
    public void WriteRaw(string ascii)
    {
        Ensure(ascii.Length);
#if NET
        System.Text.Ascii.FromUtf16(ascii, Buffer.AsSpan(Length), out var written);
        Length += written;
#else
        Length += Encoding.ASCII.GetBytes(ascii, 0, ascii.Length, Buffer, Length);
#endif
    }

    /// <summary>Writes UTF-8 bytes of our own as they are.</summary>
    public void WriteRaw(byte[] utf8)
    {
        Ensure(utf8.Length);
        System.Buffer.BlockCopy(utf8, 0, Buffer, Length, utf8.Length);
        Length += utf8.Length;
    }

    /// <summary>Writes a single ASCII byte.</summary>
    public void WriteByte(byte value)
    {
        Ensure(1);
        Buffer[Length++] = value;
    }

    /// <summary>Writes JSON text (e.g. a number or an object taken from an IdToken) as UTF-8, unchanged.</summary>
    public void WriteUtf8(string json)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(json.Length));
        Length += Encoding.UTF8.GetBytes(json, 0, json.Length, Buffer, Length);
    }

    /// <summary>Writes an integer.</summary>
    public void WriteNumber(long value)
    {
        Ensure(20);
        System.Buffers.Text.Utf8Formatter.TryFormat(value, Buffer.AsSpan(Length), out var written);
        Length += written;
    }

    /// <summary>Writes a quoted, escaped JSON string.</summary>
    public void WriteString(string value)
    {
        WriteByte((byte)'"');
        WriteEscaped(value);
        WriteByte((byte)'"');
    }

    /// <summary>Writes the escaped content of a JSON string, without quotes.</summary>
    public void WriteEscaped(string value)
    {
        Ensure(MaxStringBytes(value));
        var buffer = Buffer;
        var pos = Length;
        var i = 0;
        while (i < value.Length)
        {
#if NET
            // Runs of characters written as they are go through the vectorized search and narrowing.
            var run = value.AsSpan(i).IndexOfAnyExcept(Verbatim);
            if (run != 0)
            {
                run = run < 0 ? value.Length - i : run;
                System.Text.Ascii.FromUtf16(value.AsSpan(i, run), buffer.AsSpan(pos), out _);
                pos += run;
                i += run;
                continue;
            }
#else
            var run = VerbatimRun(value, i);
            if (run != 0)
            {
                pos += Encoding.ASCII.GetBytes(value, i, run, buffer, pos);
                i += run;
                continue;
            }
#endif
            var c = value[i];
            if (c >= 0x80)
            {
                if (IsEscapedSeparator(c))
                {
                    pos = WriteUnicodeEscape(buffer, pos, c);
                    i++;
                    continue;
                }

                var start = i;
                while (i < value.Length && value[i] >= 0x80 && !IsEscapedSeparator(value[i]))
                {
                    i++;
                }

                pos += Encoding.UTF8.GetBytes(value, start, i - start, buffer, pos);
                continue;
            }

            if (c == '"' || c == '\\')
            {
                buffer[pos++] = (byte)'\\';
                buffer[pos++] = (byte)c;
            }
            else if (c < 0x20)
            {
                buffer[pos++] = (byte)'\\';
                switch (c)
                {
                    case '\n': buffer[pos++] = (byte)'n'; break;
                    case '\r': buffer[pos++] = (byte)'r'; break;
                    case '\t': buffer[pos++] = (byte)'t'; break;
                    case '\b': buffer[pos++] = (byte)'b'; break;
                    case '\f': buffer[pos++] = (byte)'f'; break;
                    default:
                        pos = WriteUnicodeEscape(buffer, pos - 1, c);
                        break;
                }
            }
            else
            {
                buffer[pos++] = (byte)c;
            }

            i++;
        }

        Length = pos;
    }

#if !NET
    /// <summary>
    /// How many characters from <paramref name="start"/> on are written as they are (printable ASCII but <c>"</c> and
    /// <c>\</c>, and DEL): a vector at a time where the runtime accelerates <see cref="Vector{T}"/>, as .NET does for
    /// this netstandard2.0 build; the runtime's ASCII encoder then narrows the run.
    /// </summary>
    private static int VerbatimRun(string value, int start)
    {
        var text = MemoryMarshal.Cast<char, ushort>(value.AsSpan(start));
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var space = new Vector<ushort>(0x20);
            var delete = new Vector<ushort>(0x7f);
            var quote = new Vector<ushort>('"');
            var backslash = new Vector<ushort>('\\');
            var vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(text);
            for (; i < vectors.Length; i++)
            {
                var v = vectors[i];
                var escaped = Vector.LessThan(v, space) | Vector.GreaterThan(v, delete) | Vector.Equals(v, quote) | Vector.Equals(v, backslash);
                if (!Vector.EqualsAll(escaped, Vector<ushort>.Zero))
                {
                    break;
                }
            }

            i *= Vector<ushort>.Count;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || c > 0x7f || c == '"' || c == '\\')
            {
                break;
            }
        }

        return i;
    }

#endif
    /// <summary>
    /// U+0085, U+2028 and U+2029 end a line in some readers: written as <c>\uXXXX</c>, as the Azure SignalR SDK's JSON
    /// writer does, so that a payload is the SDK's byte for byte.
    /// </summary>
    private static bool IsEscapedSeparator(char c) => c == '\u0085' || c == '\u2028' || c == '\u2029';

    private static int WriteUnicodeEscape(byte[] buffer, int pos, char c)
    {
        buffer[pos++] = (byte)'\\';
        buffer[pos++] = (byte)'u';
        buffer[pos++] = Hex[c >> 12];
        buffer[pos++] = Hex[(c >> 8) & 15];
        buffer[pos++] = Hex[(c >> 4) & 15];
        buffer[pos++] = Hex[c & 15];
        return pos;
    }

    private void Ensure(int extra)
    {
        if (Length + extra > Buffer.Length)
        {
            var grown = new byte[Math.Max(Buffer.Length * 2, Length + extra)];
            System.Buffer.BlockCopy(Buffer, 0, grown, 0, Length);
            Buffer = grown;
        }
    }
}
