using System.Globalization;
using System.Text;

namespace Samverkan.AccessLog.Review;

// Keyset paging over a score-ordered index, newest first: the next page starts at MaxScore,
// skipping the Skip entries with exactly that score that were already returned. Stable while
// new entries arrive (they never shift earlier pages), unlike an offset.
public sealed record PageToken(long MaxScore, int Skip)
{
    private const string Version = "a1";

    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Version}:{MaxScore}:{Skip}");
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string token, out PageToken? pageToken)
    {
        pageToken = null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split(':');
            if (parts.Length != 3 || parts[0] != Version) return false;
            if (!long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var maxScore)) return false;
            if (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var skip) || skip < 0) return false;
            pageToken = new PageToken(maxScore, skip);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // The token for the page after one whose entries (newest first) ended with these scores.
    public static PageToken After(IReadOnlyList<long> pageScores, PageToken? current)
    {
        var last = pageScores[^1];
        var sameScore = pageScores.Count(s => s == last);
        if (current is not null && current.MaxScore == last) sameScore += current.Skip;
        return new PageToken(last, sameScore);
    }
}
