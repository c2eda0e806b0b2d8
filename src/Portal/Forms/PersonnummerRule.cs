using Samverkan.SharedKernel.Identity;

namespace Samverkan.Portal.Forms;

// The personnummer field's rule in words a nurse can act on. The check itself is SharedKernel's
// (date part, samordningsnummer, Luhn check digit); this only says which part is wrong.
public static class PersonnummerRule
{
    public static string? Check(string? input, out PersonalIdentityNumber? number)
    {
        number = null;
        var text = input?.Trim() ?? "";
        if (text.Length == 0) return "Fyll i personnummer med 12 siffror, till exempel 19121212-1212.";
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var separators = text.Length - digits.Length;
        if (separators > 1 || (separators == 1 && (text.Length != 13 || text[8] is not ('-' or '+'))))
        {
            return "Skriv personnumret som 12 siffror, med eller utan bindestreck efter födelsedatumet: ÅÅÅÅMMDD-NNNN.";
        }
        if (digits.Length != 12)
        {
            return $"Personnumret ska ha 12 siffror (ÅÅÅÅMMDD-NNNN); nu är det {digits.Length}. Skriv hela årtalet, till exempel 1945 och inte 45.";
        }
        if (PersonalIdentityNumber.TryParse(digits, out number, out _)) return null;
        // Which part is wrong: with the right check digit, would the number pass? Then only the
        // check digit is wrong; otherwise the date part is.
        var corrected = digits[..11] + PersonalIdentityNumber.LuhnCheckDigit(digits.AsSpan(2, 9));
        return PersonalIdentityNumber.TryParse(corrected, out _, out _)
            ? "Kontrollsiffran (sista siffran) stämmer inte. Kontrollera att numret är rätt avskrivet."
            : "Datumdelen (ÅÅÅÅMMDD) är inget giltigt datum. Kontrollera år, månad och dag (samordningsnummer: dag + 60).";
    }
}
