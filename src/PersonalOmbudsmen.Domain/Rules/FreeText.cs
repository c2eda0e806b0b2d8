namespace Samverkan.PersonalOmbudsmen.Domain.Rules;

// Bounded, printable text from a caller. Trimmed; line breaks and tabs allowed; other control
// characters refused (they hide content from a reader). The message never quotes the text.
public static class FreeText
{
    public static string Required(string field, string? value, int maxLength, int minLength = 1)
    {
        var text = Optional(field, value, maxLength);
        if (text.Length < minLength)
        {
            throw OmbudRuleViolation.Invalid(field, minLength <= 1
                ? $"{field} is required (at most {maxLength} characters)."
                : $"{field} needs {minLength} to {maxLength} characters.");
        }
        return text;
    }

    public static string Optional(string field, string? value, int maxLength)
    {
        var text = (value ?? "").Trim();
        if (text.Length > maxLength)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} has {text.Length} characters; at most {maxLength} are allowed.");
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                throw OmbudRuleViolation.Invalid(field, $"{field} contains a control character (U+{(int)c:X4}); only printable text, line breaks and tabs are allowed.");
            }
        }
        return text;
    }
}
