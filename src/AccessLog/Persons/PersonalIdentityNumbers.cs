using Samverkan.SharedKernel.Identity;

namespace Samverkan.AccessLog.Persons;

// Personnummer and samordningsnummer exactly as the contracts carry them: 12 digits, century
// included, no separator. The date and Luhn rules are the platform's one implementation
// (SharedKernel), so a number is valid here exactly when the services that recorded it accepted it.
public static class PersonalIdentityNumbers
{
    public static bool IsValid(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiDigit) && PersonalIdentityNumber.TryParse(value, out _, out _);
}
