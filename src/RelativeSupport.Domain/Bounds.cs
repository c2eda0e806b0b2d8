namespace Samverkan.RelativeSupport.Domain;

// The documented maximum of every caller-supplied field (relative_support.proto says the same).
// Checked in the domain so a rule holds whichever door the data comes in by.
public static class Bounds
{
    public const int Name = 100;
    public const int Phone = 40;
    public const int Email = 254;
    public const int FreeText = 2_000;
    public const int SupportContact = 100;
    public const int Street = 200;
    public const int PostalCode = 16;
    public const int City = 100;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    // Required text: trimmed, 1..max characters, no control characters.
    public static string Required(string? value, string field, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw RuleViolation.Invalid(field, $"{field} is required (1..{max} characters).");
        return Checked(text, field, max);
    }

    // Optional text: null when empty.
    public static string? Optional(string? value, string field, int max)
    {
        var text = value?.Trim() ?? "";
        return text.Length == 0 ? null : Checked(text, field, max);
    }

    // A date within EarliestDate .. today + 1 year.
    public static DateOnly Date(DateOnly value, string field, DateOnly today)
    {
        if (value < EarliestDate || value > today.AddYears(1))
        {
            throw RuleViolation.Invalid(field, $"{field} must be between {EarliestDate:yyyy-MM-dd} and {today.AddYears(1):yyyy-MM-dd}.");
        }
        return value;
    }

    private static string Checked(string text, string field, int max)
    {
        if (text.Length > max) throw RuleViolation.Invalid(field, $"{field} is longer than {max} characters ({text.Length}).");
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw RuleViolation.Invalid(field, $"{field} contains control characters.");
        }
        return text;
    }
}
