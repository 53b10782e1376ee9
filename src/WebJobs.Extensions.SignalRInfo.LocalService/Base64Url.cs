using System;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>
/// Strict base64url (RFC 4648 §5) without padding, as JWS compact serialization requires. Only the canonical encoding
/// is accepted (RFC 4648 §3.5): the unused low bits of the last character must be zero, so one byte string has exactly
/// one accepted spelling and an altered last character can never decode to the same signature.
/// </summary>
internal static class Base64Url
{
    public static bool TryDecode(ReadOnlySpan<char> value, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (value.Length % 4 == 1)
        {
            return false;
        }

        if (value.Length > 0 && !HasZeroUnusedBits(value[^1], value.Length % 4))
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

    // A final group of 2 characters carries 8 bits of 12 (4 unused), of 3 characters 16 bits of 18 (2 unused).
    private static bool HasZeroUnusedBits(char last, int remainder)
    {
        var sextet = last switch
        {
            >= 'A' and <= 'Z' => last - 'A',
            >= 'a' and <= 'z' => last - 'a' + 26,
            >= '0' and <= '9' => last - '0' + 52,
            '-' => 62,
            '_' => 63,
            _ => -1,
        };
        return remainder switch
        {
            2 => (sextet & 0b1111) == 0,
            3 => (sextet & 0b11) == 0,
            _ => true,
        };
    }
}
