using System;
using System.Text;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Seeded input mutation for the fuzz tests: every input comes from <see cref="Random"/> with a fixed seed, so a failure
/// is replayed by its seed and iteration. Characters are drawn from the separators of the grammars, ASCII, control
/// characters, non-ASCII, surrogate pairs and lone surrogates.
/// </summary>
internal sealed class FuzzText
{
    private static readonly string[] Pieces =
    {
        ";", "=", " ", ":", ".", "\"", "\\", "{", "}", "[", "]", ",", "/", "+", "-", "_", "%", "'",
        "\r", "\n", "\t", "\0", "\u001b", "\u0085", "\u2028", "\u202e", "\u00e9", "\u4e2d", "\ud83d\ude00",
        "\ud800", "\udc00", "\\u0000", "\\ud800", "\\udc00", "\\n", "1", "0", "-1", "1e400", "9999999999999999999",
        "Endpoint", "AccessKey", "AuthType", "Version", "Port", "ClientEndpoint", "ServerEndpoint", "ClientId", "TenantId",
        "ClientSecret", "ClientCert", "https://", "http://", "localhost", "127.0.0.1", "azure", "azure.msi", "azure.app", "aad",
        "asrs.s.uid", "ASRS.S.UID", "sub", "aud", "exp", "null", "true", "x",
    };

    private readonly Random _random;

    public FuzzText(int seed) => _random = new Random(seed);

    public int Next(int max) => _random.Next(max);

    public bool Chance(int percent) => _random.Next(100) < percent;

    public string Piece() => Pieces[_random.Next(Pieces.Length)];

    /// <summary>A string of random pieces and characters, up to <paramref name="maxPieces"/> of them.</summary>
    public string Random(int maxPieces)
    {
        var text = new StringBuilder();
        var count = _random.Next(maxPieces + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(Chance(70) ? Piece() : ((char)_random.Next(0x20, 0x7f)).ToString());
        }

        return text.ToString();
    }

    /// <summary><paramref name="seed"/> with 1 to <paramref name="maxEdits"/> random insertions, deletions, duplications and replacements.</summary>
    public string Mutate(string seed, int maxEdits = 4)
    {
        var text = new StringBuilder(seed);
        var edits = 1 + _random.Next(maxEdits);
        for (var e = 0; e < edits; e++)
        {
            var at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
            switch (_random.Next(5))
            {
                case 0:
                    text.Insert(at, Piece());
                    break;
                case 1 when text.Length > 0:
                    var length = Math.Min(1 + _random.Next(8), text.Length - Math.Min(at, text.Length - 1));
                    text.Remove(Math.Min(at, text.Length - 1), Math.Max(1, length));
                    break;
                case 2 when text.Length > 0:
                    var start = _random.Next(text.Length);
                    var count = Math.Min(1 + _random.Next(24), text.Length - start);
                    text.Insert(at, text.ToString(start, count));
                    break;
                case 3 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = (char)_random.Next(0, 0x10000);
                    break;
                default:
                    text.Insert(at, Random(3));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The text with every character outside printable ASCII as \uXXXX, for a failure message.</summary>
    public static string Show(string text)
    {
        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            shown.Append(c >= 0x20 && c < 0x7f ? c.ToString() : "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return shown.ToString();
    }

    /// <summary>True when the text holds a character that could break or forge a log line.</summary>
    public static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
