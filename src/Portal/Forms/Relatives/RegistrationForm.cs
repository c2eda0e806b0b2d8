using Samverkan.Contracts.Relatives.V1;

namespace Samverkan.Portal.Forms.Relatives;

// A relative who asked for support themselves, registered by the municipality's consultant. Only
// with the relative's own consent; the cared-for person's identity only when it is needed.
public sealed class RegistrationForm
{
    public const int MaxReason = 2_000;

    public RelativePerson Person { get; } = new();
    public bool CaredForKnownToPlatform { get; set; }
    public string CaredForPersonalIdentityNumber { get; set; } = "";
    public string CaredForReason { get; set; } = "";
    public bool Consent { get; set; }

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        Person.Validate(errors, today);
        if (CaredForPersonalIdentityNumber.Trim().Length > 0)
        {
            if (PersonnummerRule.Check(CaredForPersonalIdentityNumber, out _) is { } pnr) errors["vardtagare-personnummer"] = pnr;
            if (string.IsNullOrWhiteSpace(CaredForReason)) errors["vardtagare-skal"] = "Skriv varför personnumret behövs, eller ta bort det: det sparas bara när det behövs.";
        }
        if (CaredForReason.Length > MaxReason) errors["vardtagare-skal"] = $"Högst {MaxReason} tecken.";
        if (!Consent) errors["samtycke"] = "Den anhörige måste själv samtycka till att registreras. Fråga innan du registrerar.";
        return errors;
    }

    public RegisterRelativeRequest ToRequest(string municipalityCode, DateOnly today)
    {
        PersonnummerRule.Check(CaredForPersonalIdentityNumber, out var caredFor);
        return new RegisterRelativeRequest
        {
            RequestId = RequestId,
            MunicipalityCode = municipalityCode,
            Relative = Person.ToDetails(today),
            Relationship = Person.Relationship,
            CaredFor = new CaredForPerson
            {
                KnownToPlatform = CaredForKnownToPlatform,
                PersonalIdentityNumber = caredFor?.Value ?? "",
                IdentityNeededReason = caredFor is null ? "" : CaredForReason.Trim(),
            },
            ConsentToRegistration = Consent,
        };
    }
}
