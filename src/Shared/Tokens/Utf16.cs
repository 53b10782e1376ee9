namespace SignalRInfo.Core;

/// <summary>UTF-16 checks for text that is written as UTF-8 into a token.</summary>
internal static class Utf16
{
    /// <summary>The index of the first surrogate without its partner, or -1 when the text is valid Unicode.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
#if NET
        // Most text has no surrogate at all: one vectorized search, then the pairs from the first one on.
        var first = System.MemoryExtensions.IndexOfAnyInRange(System.MemoryExtensions.AsSpan(text), '\uD800', '\uDFFF');
        if (first < 0)
        {
            return -1;
        }
#else
        const int first = 0;
#endif
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
}
