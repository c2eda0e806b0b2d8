using Samverkan.Contracts.Relatives.V1;
using SharedPnr = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;

namespace Samverkan.Portal.Forms.Relatives;

// The relative (anhörig) as a consultant or a referring unit types them in. The personnummer is
// optional (many relatives are known by name and phone only); when given it is checked here
// (check digit) and decides whether the relative is a child (barn som anhörig).
public sealed class RelativePerson
{
    public const int MaxName = 100, MaxPhone = 40, MaxEmail = 254;

    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string PersonalIdentityNumber { get; set; } = "";
    public string BirthYear { get; set; } = "";
    public Sex Sex { get; set; } = Sex.Unspecified;
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public bool IsChildTicked { get; set; }
    public Relationship Relationship { get; set; } = Relationship.Unspecified;

    // With a personnummer the number decides; otherwise the box the user ticked.
    public bool IsChild(DateOnly today) => Number() is { } number ? number.DatePart.AddYears(18) > today : IsChildTicked;

    public void Validate(Dictionary<string, string> errors, DateOnly today)
    {
        Required(errors, "fornamn", GivenName, "Fyll i den anhöriges förnamn.");
        Required(errors, "efternamn", FamilyName, "Fyll i den anhöriges efternamn.");
        if (PersonalIdentityNumber.Trim().Length > 0 && PersonnummerRule.Check(PersonalIdentityNumber, out _) is { } pnr) errors["personnummer"] = pnr;
        if (BirthYear.Trim().Length > 0 && Number() is null)
        {
            if (!int.TryParse(BirthYear.Trim(), out var year) || year < 1900 || year > today.Year)
            {
                errors["fodelsear"] = $"Skriv födelseåret med fyra siffror (1900–{today.Year}), eller lämna fältet tomt.";
            }
            else if (IsChildTicked && today.Year - year > 18)
            {
                errors["fodelsear"] = $"Född {year} är inte under 18 år. Ta bort markeringen \"barn\" eller rätta födelseåret.";
            }
        }
        if (Phone.Length > MaxPhone) errors["telefon"] = $"Högst {MaxPhone} tecken.";
        if (Email.Trim() is { Length: > 0 } email && (email.Length > MaxEmail || !email.Contains('@') || email.Contains(' ')))
        {
            errors["epost"] = "Skriv en e-postadress som namn@exempel.se, eller lämna fältet tomt.";
        }
        if (Relationship == Relationship.Unspecified) errors["relation"] = "Välj vad den anhörige är till den som får vård eller omsorg.";
    }

    private static void Required(Dictionary<string, string> errors, string field, string value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = missing;
        else if (value.Length > MaxName) errors[field] = $"Högst {MaxName} tecken.";
    }

    private SharedPnr? Number() => PersonnummerRule.Check(PersonalIdentityNumber, out var number) is null ? number : null;

    public RelativeDetails ToDetails(DateOnly today) => new()
    {
        GivenName = GivenName.Trim(),
        FamilyName = FamilyName.Trim(),
        PersonalIdentityNumber = Number()?.Value ?? "",
        BirthYear = Number() is null && int.TryParse(BirthYear.Trim(), out var year) ? year : 0,
        Sex = Number() is null ? Sex : Sex.Unspecified,
        Phone = Phone.Trim(),
        Email = Email.Trim(),
        IsChild = IsChild(today),
    };
}
