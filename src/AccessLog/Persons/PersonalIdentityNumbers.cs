namespace Samverkan.AccessLog.Persons;

// Personnummer and samordningsnummer as the contracts carry them: 12 digits, century included,
// no separator. The date part must be a calendar date (day + 60 for a samordningsnummer) and the
// last digit the Luhn check digit over the 10-digit form.
public static class PersonalIdentityNumbers
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 12 } || !value.All(char.IsAsciiDigit)) return false;

        var year = int.Parse(value.AsSpan(0, 4));
        var month = int.Parse(value.AsSpan(4, 2));
        var day = int.Parse(value.AsSpan(6, 2));
        if (day > 60) day -= 60; // samordningsnummer
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;

        return LuhnCheckDigit(value.AsSpan(2, 9)) == value[11] - '0';
    }

    private static int LuhnCheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var digit = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
