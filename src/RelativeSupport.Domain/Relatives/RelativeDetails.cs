using Samverkan.SharedKernel.Identity;

namespace Samverkan.RelativeSupport.Domain.Relatives;

// Who the relative is and how to reach them. The personnummer is optional: many relatives are
// known by name and phone only. Sex and birth year feed the statistics (age band) and nothing else.
// ProtectedIdentity (skyddad identitet, sekretessmarkering): the contact details (phone, email,
// address) are shown only to the registering municipality's consultants reading this one relative.
public sealed record RelativeDetails(
    string GivenName,
    string FamilyName,
    string? PersonalIdentityNumber,
    int? BirthYear,
    Sex Sex,
    string? Phone,
    string? Email,
    bool IsChild,
    PostalAddress? Address = null,
    bool ProtectedIdentity = false)
{
    public const int Adulthood = 18;

    // Validates the caller's input (fields named as in the contract, under prefix, e.g. "relative.").
    public static RelativeDetails Create(string? givenName, string? familyName, string? personalIdentityNumber,
        int birthYear, Sex sex, string? phone, string? email, bool isChild, DateOnly today,
        PostalAddress? address = null, bool protectedIdentity = false, string prefix = "relative.")
    {
        var given = Bounds.Required(givenName, prefix + "given_name", Bounds.Name);
        var family = Bounds.Required(familyName, prefix + "family_name", Bounds.Name);
        var (phoneText, emailText) = Contact(phone, email, prefix);

        if (!string.IsNullOrWhiteSpace(personalIdentityNumber))
        {
            if (!SharedKernel.Identity.PersonalIdentityNumber.TryParse(personalIdentityNumber, today, out var number, out var error))
            {
                throw RuleViolation.Invalid(prefix + "personal_identity_number", $"{prefix}personal_identity_number {error}.");
            }
            var numberSex = number.LegalSex == LegalSex.Male ? Sex.Male : Sex.Female;
            var child = number.DatePart.AddYears(Adulthood) > today;
            return new RelativeDetails(given, family, number.Value, number.DatePart.Year, numberSex, phoneText, emailText, child, address, protectedIdentity);
        }

        if (birthYear != 0 && (birthYear < 1900 || birthYear > today.Year))
        {
            throw RuleViolation.Invalid(prefix + "birth_year", $"{prefix}birth_year must be between 1900 and {today.Year}, or 0 when unknown.");
        }
        if (isChild && birthYear != 0 && today.Year - birthYear > Adulthood)
        {
            throw RuleViolation.Invalid(prefix + "is_child", $"{prefix}is_child contradicts {prefix}birth_year (born {birthYear} is not a minor).");
        }
        return new RelativeDetails(given, family, null, birthYear == 0 ? null : birthYear, sex, phoneText, emailText, isChild, address, protectedIdentity);
    }

    // New contact details (UpdateContactDetails): the values given replace the stored ones; empty clears.
    public RelativeDetails WithContact(string? phone, string? email, PostalAddress? address)
    {
        var (phoneText, emailText) = Contact(phone, email, "");
        return this with { Phone = phoneText, Email = emailText, Address = address };
    }

    // Never print the details (names, number, contact) through a record's generated ToString.
    public override string ToString() => "RelativeDetails";

    private static (string? Phone, string? Email) Contact(string? phone, string? email, string prefix)
    {
        var phoneText = Bounds.Optional(phone, prefix + "phone", Bounds.Phone);
        var emailText = Bounds.Optional(email, prefix + "email", Bounds.Email);
        if (emailText is not null && (!emailText.Contains('@') || emailText.Contains(' ')))
        {
            throw RuleViolation.Invalid(prefix + "email", $"{prefix}email is not an e-mail address.");
        }
        return (phoneText, emailText);
    }
}
