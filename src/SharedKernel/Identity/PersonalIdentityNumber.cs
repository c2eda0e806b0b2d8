using System.Diagnostics.CodeAnalysis;

namespace Samverkan.SharedKernel.Identity;

// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer),
// validated and stored as 12 digits: YYYYMMDDNNNC.
// - The date part must be a real calendar date; a samordningsnummer has day + 60.
//   The date part is not always the exact birth date (numbers can run out for a day).
// - C is the Luhn check digit over the ten-digit form YYMMDDNNN.
// - At input, the date part must also be a possible birth date on the reference date (normally
//   today's Swedish date): not in the future and not more than MaxAgeYears ago. Parse input with
//   the overload that takes the reference date; the overload without it checks only the form
//   (for numbers already stored, which must stay readable as the years pass).
// ToString() is masked so a number never ends up in a log by accident; Value is the full number.
public sealed class PersonalIdentityNumber : IEquatable<PersonalIdentityNumber>
{
    private const int CoordinationDayOffset = 60;

    // Nobody alive was born more than this many years ago (the oldest Swede ever reached 112).
    public const int MaxAgeYears = 130;

    private PersonalIdentityNumber(string value, DateOnly datePart, bool isCoordinationNumber)
    {
        Value = value;
        DatePart = datePart;
        IsCoordinationNumber = isCoordinationNumber;
    }

    // The 12 digits, century included, without separator.
    public string Value { get; }

    // The date the number encodes (for a samordningsnummer: the day with 60 subtracted).
    public DateOnly DatePart { get; }

    public bool IsCoordinationNumber { get; }

    public LegalSex LegalSex => (Value[10] - '0') % 2 == 1 ? LegalSex.Male : LegalSex.Female;

    // Accepts "YYYYMMDDNNNC" or "YYYYMMDD-NNNC" (the 12-digit forms; the platform's contracts use the first).
    public static bool TryParse(
        [NotNullWhen(true)] string? input,
        [NotNullWhen(true)] out PersonalIdentityNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "is empty; expected 12 digits YYYYMMDDNNNC";
            return false;
        }

        var digits = input.Trim();
        if (digits.Length == 13 && (digits[8] == '-' || digits[8] == '+'))
        {
            digits = string.Concat(digits.AsSpan(0, 8), digits.AsSpan(9));
        }

        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            error = "must be 12 digits YYYYMMDDNNNC (century included, no separator)";
            return false;
        }

        return TryCreate(digits, out number, out error);
    }

    // As TryParse, and the date part must be a possible birth date on referenceDate (see above).
    // Use this for every number a caller sends.
    public static bool TryParse(
        [NotNullWhen(true)] string? input,
        DateOnly referenceDate,
        [NotNullWhen(true)] out PersonalIdentityNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        if (!TryParse(input, out number, out error)) return false;
        if (!number.IsPossibleBirthDateOn(referenceDate, out error))
        {
            number = null;
            return false;
        }
        return true;
    }

    // A date part later than referenceDate, or more than MaxAgeYears before it, cannot be anyone's
    // birth date (the same rule for samordningsnummer, whose date part is the day minus 60).
    public bool IsPossibleBirthDateOn(DateOnly referenceDate, [NotNullWhen(false)] out string? error)
    {
        if (DatePart > referenceDate)
        {
            error = "has a date part in the future (not a possible birth date)";
            return false;
        }
        if (DatePart < referenceDate.AddYears(-MaxAgeYears))
        {
            error = $"has a date part more than {MaxAgeYears} years ago (not a possible birth date)";
            return false;
        }
        error = null;
        return true;
    }

    // The ten-digit forms "YYMMDD-NNNC" and "YYMMDD+NNNC" ('+' once the person has turned 100),
    // resolved to a century relative to the given date (normally today).
    public static bool TryParseTenDigit(
        [NotNullWhen(true)] string? input,
        DateOnly referenceDate,
        [NotNullWhen(true)] out PersonalIdentityNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        var text = input?.Trim();
        if (text is null || text.Length != 11 || (text[6] != '-' && text[6] != '+')
            || !text.Remove(6, 1).All(char.IsAsciiDigit))
        {
            error = "must be YYMMDD-NNNC or YYMMDD+NNNC";
            return false;
        }

        var yy = int.Parse(text.AsSpan(0, 2));
        var centenarian = text[6] == '+';
        // The latest year ending in yy that is not after the reference year; '+' moves it 100 years back.
        var year = referenceDate.Year - ((referenceDate.Year - yy) % 100 + 100) % 100;
        if (centenarian) year -= 100;
        var twelve = year.ToString("D4") + text[2..6] + text[7..];
        // A birth date later in the reference year than today belongs to the previous century.
        if (!centenarian && TryCreate(twelve, out var candidate, out _) && candidate.DatePart > referenceDate)
        {
            twelve = (year - 100).ToString("D4") + text[2..6] + text[7..];
        }
        if (!TryCreate(twelve, out number, out error)) return false;
        if (!number.IsPossibleBirthDateOn(referenceDate, out error))
        {
            number = null;
            return false;
        }
        return true;
    }

    public static PersonalIdentityNumber Parse(string input) =>
        TryParse(input, out var number, out var error)
            ? number
            : throw new FormatException($"Personal identity number {error}.");

    public static bool IsValidLuhn(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10) return false;
        return LuhnCheckDigit(tenDigits[..9]) == tenDigits[9] - '0';
    }

    // The check digit over the nine digits YYMMDDNNN: weights 2,1,2,1,... and digit sums.
    public static int LuhnCheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    private static bool TryCreate(string twelveDigits, [NotNullWhen(true)] out PersonalIdentityNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        var year = int.Parse(twelveDigits.AsSpan(0, 4));
        var month = int.Parse(twelveDigits.AsSpan(4, 2));
        var day = int.Parse(twelveDigits.AsSpan(6, 2));
        var coordination = day > CoordinationDayOffset;
        if (coordination) day -= CoordinationDayOffset;

        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "has no valid date part (YYYYMMDD, or day + 60 for a samordningsnummer)";
            return false;
        }

        if (!IsValidLuhn(twelveDigits.AsSpan(2)))
        {
            error = "has a wrong check digit (Luhn)";
            return false;
        }

        number = new PersonalIdentityNumber(twelveDigits, new DateOnly(year, month, day), coordination);
        error = null;
        return true;
    }

    public bool Equals(PersonalIdentityNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => obj is PersonalIdentityNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    // Masked on purpose: "19121212-****". Use Value where the full number is needed.
    public override string ToString() => Value[..8] + "-****";
}
