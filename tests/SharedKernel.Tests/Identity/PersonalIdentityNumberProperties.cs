using FsCheck.Xunit;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.SharedKernel.Tests.Identity;

// Properties over generated numbers: every well-formed number round-trips, and the Luhn digit
// catches every single-digit error in the ten digits it covers.
public sealed class PersonalIdentityNumberProperties
{
    [Property(MaxTest = 500)]
    public bool Every_generated_valid_number_parses_with_its_date_and_kind(int daySeed, int birthSeed, bool coordination)
    {
        var (twelve, date) = Generate(daySeed, birthSeed, coordination);

        return PersonalIdentityNumber.TryParse(twelve, out var number, out _)
            && number.Value == twelve
            && number.DatePart == date
            && number.IsCoordinationNumber == coordination;
    }

    [Property(MaxTest = 500)]
    public bool Changing_any_one_covered_digit_is_rejected(int daySeed, int birthSeed, bool coordination, int positionSeed, int deltaSeed)
    {
        var (twelve, _) = Generate(daySeed, birthSeed, coordination);
        var position = 2 + Math.Abs(positionSeed % 10);            // the ten digits YYMMDDNNNC
        var delta = 1 + Math.Abs(deltaSeed % 9);                    // 1..9: always a different digit
        var chars = twelve.ToCharArray();
        chars[position] = (char)('0' + (chars[position] - '0' + delta) % 10);

        return !PersonalIdentityNumber.TryParse(new string(chars), out _, out _);
    }

    [Property(MaxTest = 300)]
    public bool The_separator_form_is_the_same_number(int daySeed, int birthSeed)
    {
        var (twelve, _) = Generate(daySeed, birthSeed, coordination: false);
        var withSeparator = twelve[..8] + "-" + twelve[8..];

        return PersonalIdentityNumber.Parse(withSeparator).Equals(PersonalIdentityNumber.Parse(twelve));
    }

    private static (string Twelve, DateOnly Date) Generate(int daySeed, int birthSeed, bool coordination)
    {
        var date = new DateOnly(1900, 1, 1).AddDays(Math.Abs(daySeed % 45_000));
        var birthNumber = Math.Abs(birthSeed % 1000).ToString("D3");
        var day = date.Day + (coordination ? 60 : 0);
        var nine = $"{date.Year % 100:D2}{date.Month:D2}{day:D2}{birthNumber}";
        var check = PersonalIdentityNumber.LuhnCheckDigit(nine);
        return ($"{date.Year / 100:D2}{nine}{check}", date);
    }
}
