using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.PersonalOmbudsmen.Domain.Assignments;

// The client (klient) as the PO knows them. No address is ever kept: the PO reaches the client
// the way the client chooses (phone), and the client may have protected identity.
public sealed record Client(
    PersonalIdentityNumber PersonalIdentityNumber,
    string GivenName,
    string FamilyName,
    string Phone,
    bool ProtectedIdentity)
{
    public static Client Create(string? personalIdentityNumber, string? givenName, string? familyName, string? phone, bool protectedIdentity)
    {
        if (!PersonalIdentityNumber.TryParse(personalIdentityNumber, out var number, out var error))
        {
            throw OmbudRuleViolation.Invalid("client.personal_identity_number", $"client.personal_identity_number {error}.");
        }
        return new Client(
            number,
            FreeText.Required("client.given_name", givenName, Bounds.NameLength),
            FreeText.Required("client.family_name", familyName, Bounds.NameLength),
            FreeText.Optional("client.phone", phone, Bounds.PhoneLength),
            protectedIdentity);
    }

    // Age in whole years on a day, from the personnummer's date part (which is not always the exact
    // birth date; it is the best the platform knows).
    public int AgeOn(DateOnly day)
    {
        var birth = PersonalIdentityNumber.DatePart;
        var age = day.Year - birth.Year;
        if (day < birth.AddYears(age)) age--;
        return age;
    }
}

public sealed record Mandate(DateTimeOffset GivenAt, MandateForm Form);
