namespace Samverkan.SipPlans.Domain.Content;

// Bounds for caller text: required or optional, trimmed, at most a given length, no control
// characters except line breaks. Messages name the field and the limit, never the text.
public static class TextInput
{
    public static string Required(string? value, string field, int maxLength)
    {
        var text = Optional(value, field, maxLength);
        return text ?? throw RuleViolation.Invalid(field, $"{field} is required.");
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            throw RuleViolation.Invalid(field, $"{field} has {text.Length} characters; at most {maxLength} are allowed.");
        }
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw RuleViolation.Invalid(field, $"{field} contains control characters.");
        }
        return text;
    }

    public static void Count<T>(IReadOnlyCollection<T> items, string field, int max)
    {
        if (items.Count > max)
        {
            throw RuleViolation.Invalid(field, $"{field} has {items.Count} entries; at most {max} are allowed.");
        }
    }

    public static void UniqueIds(IEnumerable<string> ids, string field)
    {
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw RuleViolation.Invalid(field, $"{field} has the id {EchoedId(duplicate.Key)} more than once; ids must be unique.");
        }
    }

    public static string Id(string? value, string field) => Required(value, field, PlanLimits.IdLength) is var id
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? id
            : throw RuleViolation.Invalid(field, $"{field} may contain only ASCII letters, digits, '-', '_' and '.'.");

    // Ids are caller-chosen identifiers, not personal data; still quoted bounded.
    public static string EchoedId(string id) => Samverkan.SharedKernel.Text.EchoedInput.Quote(id);
}
