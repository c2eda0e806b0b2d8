using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.Portal.Display;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.Portal.Forms;

// The admission notice (inskrivningsmeddelande) as the ward fills it in. Validate() gives, per
// field id, what is wrong and what to do; the service checks the same rules again.
public sealed class AdmissionForm
{
    public const int MaxNameLength = 200;
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public string PersonalIdentityNumber { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public bool ProtectedIdentity { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public DateTime? AdmittedAt { get; set; }
    public bool NeedSocialServices { get; set; }
    public bool NeedMunicipalHealthCare { get; set; }
    public bool NeedOutpatientCare { get; set; }
    public CareType CareType { get; set; } = CareType.Somatic;
    public DateOnly? EstimatedDischargeDate { get; set; }
    public bool ConsentSendNotices { get; set; }
    public bool ConsentTransferInformation { get; set; }
    public bool ConsentSip { get; set; }
    public DateTime? ConsentGivenAt { get; set; }
    public ConsentForm ConsentForm { get; set; } = ConsentForm.Verbal;
    public ConsentGiver ConsentGiver { get; set; } = ConsentGiver.Patient;

    // The request id is chosen once per form, so sending twice (a retry after a lost answer, a
    // double click) records one notice.
    public string RequestId { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateTimeOffset now, UnitDirectory directory)
    {
        var errors = new Dictionary<string, string>();
        var localNow = SwedishTime.Local(now).DateTime;
        if (PersonnummerRule.Check(PersonalIdentityNumber, out _) is { } pnr) errors["personnummer"] = pnr;
        Name(errors, "fornamn", GivenName, "förnamn");
        Name(errors, "efternamn", FamilyName, "efternamn");
        if (!ProtectedIdentity)
        {
            if (string.IsNullOrWhiteSpace(Street) || Street.Length > MaxNameLength) errors["gatuadress"] = "Fyll i folkbokföringsadressen (gata och nummer).";
            if (!PostalCodeValid(PostalCode)) errors["postnummer"] = "Postnumret ska ha fem siffror, till exempel 791 82.";
            if (string.IsNullOrWhiteSpace(City) || City.Length > MaxNameLength) errors["postort"] = "Fyll i postort.";
        }
        if (directory.FindMunicipality(MunicipalityCode) is null) errors["kommun"] = "Välj patientens folkbokföringskommun; den styr vart meddelandet skickas.";
        PastTime(errors, "inskriven", AdmittedAt, localNow, "Fyll i datum och klockslag för inskrivningen.", "Inskrivningen kan inte ligga i framtiden. Ange när patienten skrevs in.");
        if (!NeedSocialServices && !NeedMunicipalHealthCare && !NeedOutpatientCare)
        {
            errors["behov"] = "Markera minst ett behov efter utskrivningen; det avgör vilka enheter som får meddelandet.";
        }
        if (EstimatedDischargeDate is not { } estimate)
        {
            errors["berakn-utskrivning"] = "Fyll i beräknad utskrivningsdag.";
        }
        else if (AdmittedAt is { } admitted && estimate < DateOnly.FromDateTime(admitted))
        {
            errors["berakn-utskrivning"] = "Beräknad utskrivningsdag kan inte vara före inskrivningsdagen.";
        }
        else if (AdmittedAt is { } start && estimate > DateOnly.FromDateTime(start).AddYears(1))
        {
            errors["berakn-utskrivning"] = "Beräknad utskrivningsdag ligger mer än ett år efter inskrivningen. Kontrollera årtalet.";
        }
        if (!ConsentSendNotices)
        {
            errors["samtycke-meddelanden"] = "Patientens samtycke till att meddelanden skickas krävs. Fråga patienten (eller företrädaren) innan du skickar.";
        }
        PastTime(errors, "samtycke-tid", ConsentGivenAt, localNow, "Fyll i när samtycket gavs.", "Samtycket kan inte ha getts i framtiden.");
        return errors;
    }

    // A time that has happened: set, not in the future, not more than a year back.
    public static void PastTime(Dictionary<string, string> errors, string field, DateTime? value, DateTime localNow, string missing, string future)
    {
        if (value is not { } time) errors[field] = missing;
        else if (time > localNow + FutureTolerance) errors[field] = future;
        else if (time < localNow.AddYears(-1)) errors[field] = "Tiden ligger mer än ett år bakåt. Kontrollera årtalet.";
    }

    private static void Name(Dictionary<string, string> errors, string field, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = $"Fyll i patientens {what}.";
        else if (value.Length > MaxNameLength) errors[field] = $"Högst {MaxNameLength} tecken.";
    }

    private static bool PostalCodeValid(string code)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length == 5 && digits.All(char.IsAsciiDigit);
    }

    // Only called when Validate found nothing.
    public SendAdmissionNoticeRequest ToRequest()
    {
        PersonnummerRule.Check(PersonalIdentityNumber, out var number);
        var request = new SendAdmissionNoticeRequest
        {
            RequestId = RequestId,
            Patient = new Patient
            {
                PersonalIdentityNumber = new Contracts.Common.V1.PersonalIdentityNumber { Value = number!.Value },
                GivenName = GivenName.Trim(),
                FamilyName = FamilyName.Trim(),
                ProtectedIdentity = ProtectedIdentity,
                RegisteredAddress = ProtectedIdentity ? null : new PostalAddress { Street = Street.Trim(), PostalCode = PostalCode.Replace(" ", "", StringComparison.Ordinal), City = City.Trim() },
            },
            ResidenceMunicipality = new OrganisationRef { Code = MunicipalityCode },
            AdmittedAt = SwedishTime.ToTimestamp(AdmittedAt!.Value),
            CareType = CareType,
            EstimatedDischargeDate = SwedishTime.ToDate(EstimatedDischargeDate!.Value),
            Consent = new Consent
            {
                GivenAt = SwedishTime.ToTimestamp(ConsentGivenAt!.Value),
                Form = ConsentForm,
                Giver = ConsentGiver,
            },
        };
        if (NeedSocialServices) request.Needs.Add(CareNeed.SocialServices);
        if (NeedMunicipalHealthCare) request.Needs.Add(CareNeed.MunicipalHealthCare);
        if (NeedOutpatientCare) request.Needs.Add(CareNeed.OutpatientCare);
        request.Consent.Scopes.Add(ConsentScope.SendNotices);
        if (ConsentTransferInformation) request.Consent.Scopes.Add(ConsentScope.TransferInformation);
        if (ConsentSip) request.Consent.Scopes.Add(ConsentScope.Sip);
        return request;
    }
}
