using System.Text;
using System.Text.Json;

namespace Samverkan.PersonalOmbudsmen.Tests.Support;

// The byte patterns a secret can take in a store or a file: UTF-8 (ASCII case-insensitive),
// UTF-16 (both byte orders), JSON-escaped (System.Text.Json escapes non-ASCII by default), hex, and
// base64/base64url at each of the three alignments it can have inside a longer encoded value.
// Patterns shorter than 8 bytes are left out (they would match random ciphertext by chance).
public static class SecretForms
{
    public const int MinimumPatternLength = 8;

    public static IEnumerable<(string Form, byte[] Pattern)> Of(string secret)
    {
        var utf8 = Encoding.UTF8.GetBytes(secret);
        var candidates = new List<(string, byte[])>
        {
            ("utf-8", utf8),
            ("utf-16le", Encoding.Unicode.GetBytes(secret)),
            ("utf-16be", Encoding.BigEndianUnicode.GetBytes(secret)),
            ("json-escaped", Encoding.UTF8.GetBytes(JsonEncodedText.Encode(secret).Value)),
            ("hex", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8))),
            ("hex-lower", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8).ToLowerInvariant())),
        };
        for (var shift = 0; shift < 3; shift++)
        {
            var shifted = new byte[shift + utf8.Length];
            utf8.CopyTo(shifted, shift);
            var encoded = Convert.ToBase64String(shifted);
            // Only whole 4-character groups made of the secret's own bytes are fixed.
            var start = shift == 0 ? 0 : 4;
            var end = shifted.Length / 3 * 4;
            if (end - start < MinimumPatternLength) continue;
            var core = encoded[start..end];
            candidates.Add(($"base64@{shift}", Encoding.ASCII.GetBytes(core)));
            candidates.Add(($"base64url@{shift}", Encoding.ASCII.GetBytes(core.Replace('+', '-').Replace('/', '_'))));
        }
        return candidates.Where(c => c.Item2.Length >= MinimumPatternLength).DistinctBy(c => Convert.ToHexString(c.Item2));
    }

    // "label (form)" for every secret found in the haystack, empty when none is.
    public static IReadOnlyList<string> FindIn(ReadOnlySpan<byte> haystack, IEnumerable<(string Label, string Secret)> secrets)
    {
        var lowered = Lower(haystack.ToArray());
        var found = new List<string>();
        foreach (var (label, secret) in secrets)
        {
            foreach (var (form, pattern) in Of(secret))
            {
                var hit = form == "utf-8"
                    ? lowered.AsSpan().IndexOf(Lower(pattern)) >= 0
                    : haystack.IndexOf(pattern) >= 0;
                if (hit) found.Add($"{label} ({form})");
            }
        }
        return found;
    }

    public static bool ContainsBytes(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> pattern) => haystack.IndexOf(pattern) >= 0;

    private static byte[] Lower(byte[] pattern) => pattern.Select(b => b < 128 ? (byte)char.ToLowerInvariant((char)b) : b).ToArray();
}
