using System;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>Strict base64url (RFC 4648 §5) without padding, as JWS compact serialization requires.</summary>
internal static class Base64Url
{
    public static bool TryDecode(ReadOnlySpan<char> value, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (value.Length % 4 == 1)
        {
            return false;
        }

        var padded = new char[(value.Length + 3) / 4 * 4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            padded[i] = c switch
            {
                '-' => '+',
                '_' => '/',
                >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                _ => '\0',
            };
            if (padded[i] == '\0')
            {
                return false;
            }
        }

        for (var i = value.Length; i < padded.Length; i++)
        {
            padded[i] = '=';
        }

        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }
}
