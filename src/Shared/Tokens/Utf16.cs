#if !NET
using System;
using System.Numerics;
using System.Runtime.InteropServices;

#endif
namespace SignalRInfo.Core;

/// <summary>UTF-16 checks for text that is written as UTF-8 into a token.</summary>
internal static class Utf16
{
    /// <summary>The index of the first surrogate without its partner, or -1 when the text is valid Unicode.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
        // Most text has no surrogate at all: one vectorized search, then the pairs from the first one on.
#if NET
        var first = System.MemoryExtensions.IndexOfAnyInRange(System.MemoryExtensions.AsSpan(text), '\uD800', '\uDFFF');
#else
        var first = IndexOfSurrogate(text);
#endif
        if (first < 0)
        {
            return -1;
        }

        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0xD800 || c > 0xDFFF)
            {
                continue;
            }

            if (c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
#if !NET

    /// <summary>The first surrogate, a <see cref="Vector{T}"/> at a time where the runtime accelerates it (this netstandard2.0 build on .NET).</summary>
    private static int IndexOfSurrogate(string text)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // c - 0xD800 <= 0x7FF, unsigned: c is in 0xD800..0xDFFF.
            var start = new Vector<ushort>(0xD800);
            var width = new Vector<ushort>(0x7FF);
            var vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(chars);
            while (i < vectors.Length && !Vector.LessThanOrEqualAny(vectors[i] - start, width))
            {
                i++;
            }

            i *= Vector<ushort>.Count;
        }

        for (; i < chars.Length; i++)
        {
            if ((ushort)(chars[i] - 0xD800) <= 0x7FF)
            {
                return i;
            }
        }

        return -1;
    }
#endif
}
