using System.Text.RegularExpressions;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.PersonalOmbudsmen.Domain.Deficiencies;

// Deficiency texts travel to the steering group and Länsstyrelsen and are kept for good, so they
// must not carry personal data. This screen refuses what can be recognised mechanically: a
// personnummer or samordningsnummer (any written form, valid check digit), an e-mail address, a
// phone number. Names cannot be recognised reliably; the contract tells the PO not to write them.
public static partial class PersonalDataScreen
{
    public static void Require(string field, string text)
    {
        if (Find(text) is { } what)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} looks like it contains {what}; describe the deficiency without personal data.");
        }
    }

    // What kind of personal data the text appears to contain, or null.
    public static string? Find(string text)
    {
        foreach (Match match in IdentityNumberLike().Matches(text))
        {
            var digits = match.Value.Replace("-", "").Replace("+", "").Replace(" ", "");
            var ten = digits.Length == 12 ? digits[2..] : digits;
            if (PersonalIdentityNumber.IsValidLuhn(ten)) return "a personnummer";
        }
        if (Email().IsMatch(text)) return "an e-mail address";
        if (Phone().IsMatch(text)) return "a phone number";
        return null;
    }

    // YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDDNNNC (with an optional space).
    [GeneratedRegex(@"(?<!\d)(\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")]
    private static partial Regex IdentityNumberLike();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]{2,}")]
    private static partial Regex Email();

    // Swedish numbers: 0 or +46 followed by at least 6 more digits, spaces or dashes allowed.
    [GeneratedRegex(@"(?<!\d)(\+46|0)[\s-]?\d(?:[\s-]?\d){5,}(?!\d)")]
    private static partial Regex Phone();
}
