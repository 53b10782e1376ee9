namespace SignalRInfo.Core;

/// <summary>
/// A 64-bit FNV-1a hash of UTF-16 text that is the same in every process and on every machine (string.GetHashCode is
/// randomized per process), finished with a 64-bit mix so that similar inputs spread: for rendezvous hashing.
/// </summary>
internal static class StableHash
{
    public static ulong Of(string first, string second)
    {
        var hash = 14695981039346656037UL;
        hash = Add(hash, first);
        hash = (hash ^ 0xFFFF) * 1099511628211UL;
        hash = Add(hash, second);

        // SplitMix64's finalizer.
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }
}
