using System.Globalization;
using System.Text;

namespace Samverkan.DischargeNotices.Application.Queries;

// An opaque page token over a sorted-set index: the score the last page ended at and how many
// entries with exactly that score were already returned. Stable when newer entries arrive.
public sealed record PageCursor(double Score, int Skip)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes(
        $"v1|{Score.ToString("R", CultureInfo.InvariantCulture)}|{Skip}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageCursor? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length == 3 && parts[0] == "v1"
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                && int.TryParse(parts[2], out var skip) && skip >= 0)
            {
                return new PageCursor(score, skip);
            }
        }
        catch (FormatException)
        {
        }
        throw CaseRuleViolation.Invalid("page.page_token", "page_token is not a token this service issued; start again without one.");
    }

    public static int Size(int requested) => requested switch
    {
        < 0 => throw CaseRuleViolation.Invalid("page.page_size", "page_size must not be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };
}
