using System.Globalization;
using System.Text;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Paging;

// The platform's one page-token format: keyset paging over a score-ordered index. The next page
// starts at Score, skipping the Skip entries with exactly that score that were already returned.
// Stable while new entries arrive (they never shift earlier pages), unlike an offset.
// Opaque to callers: base64url of "v1|{score}|{skip}".
public sealed record PageToken(double Score, int Skip)
{
    private const string Version = "v1";

    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes(
        $"{Version}|{Score.ToString("R", CultureInfo.InvariantCulture)}|{Skip}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? token, out PageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length == 3 && parts[0] == Version
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var skip) && skip >= 0)
            {
                pageToken = new PageToken(score, skip);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }

    // Null for no token (the first page); a token this service did not issue is INVALID_ARGUMENT on 'field'.
    public static PageToken? Decode(string? token, string field = "page.page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        return TryDecode(token, out var decoded)
            ? decoded
            : throw RuleViolation.Invalid(field, $"{LastSegment(field)} is not a token this service issued; start again without one.");
    }

    // The token for the page after one whose entries (in index order) ended with these scores.
    public static PageToken After(IReadOnlyList<double> pageScores, PageToken? current)
    {
        var last = pageScores[^1];
        var sameScore = pageScores.Count(s => s == last);
        if (current is not null && current.Score == last) sameScore += current.Skip;
        return new PageToken(last, sameScore);
    }

    private static string LastSegment(string field) => field[(field.LastIndexOf('.') + 1)..];
}
