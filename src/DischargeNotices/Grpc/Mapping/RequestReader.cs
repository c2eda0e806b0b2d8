using Samverkan.Contracts.Common.V1;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Queries;
using Proto = Samverkan.Contracts.Discharge.V1;
using SharedPin = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// Reads requests into domain values, refusing malformed input with INVALID_ARGUMENT and the field
// name in the contract's spelling. Rules that need the case's state live in the domain.
public static partial class RequestReader
{
    public static string CaseId(string? caseId)
    {
        if (string.IsNullOrEmpty(caseId) || caseId.Length != 32 || !caseId.All(char.IsAsciiHexDigitLower))
        {
            throw RuleViolation.Invalid("case_id", "case_id is not a case id (32 lower-case hex digits, as returned by SendAdmissionNotice).");
        }
        return caseId;
    }

    public static string? UnitId(UnitRef? unit, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(unit))] string? expression = null) =>
        string.IsNullOrWhiteSpace(unit?.Id) ? null : Bounded(unit.Id.Trim(), MaxUnitIdLength, FieldOf(expression) + ".id");

    // today: the Swedish date the number must be a possible birth date on (not later, at most 130 years before).
    public static SharedPin PersonalIdentityNumber(PersonalIdentityNumber? number, string field, DateOnly today) =>
        ProtoIdentity.PersonalIdentityNumber(number, field, today);

    public static AdmissionRequest Admission(Proto.SendAdmissionNoticeRequest request, DateOnly today)
    {
        var patient = request.Patient ?? throw RuleViolation.Invalid("patient", "patient is required.");
        var address = patient.RegisteredAddress is { } a && !string.IsNullOrWhiteSpace(a.Street + a.PostalCode + a.City)
            ? new PostalAddress(a.Street.Trim(), a.PostalCode.Trim(), a.City.Trim())
            : null;
        return new AdmissionRequest(
            UnitId(request.ActingUnit),
            new Patient(PersonalIdentityNumber(patient.PersonalIdentityNumber, "patient.personal_identity_number", today),
                patient.GivenName.Trim(), patient.FamilyName.Trim(), address, patient.ProtectedIdentity),
            request.ResidenceMunicipality?.Code?.Trim() ?? "",
            ProtoTime.Required(request.AdmittedAt, "admitted_at"),
            ProtoTime.Optional(request.NeedsAssessedAt, "needs_assessed_at"),
            request.Needs.Select(n => ProtoEnums.ToDomain(n, "needs")).Distinct().ToList(),
            ProtoEnums.ToDomain(request.CareType, "care_type"),
            ProtoTime.Required(request.EstimatedDischargeDate, "estimated_discharge_date"),
            UnitId(request.OutpatientUnit),
            Consent(request.Consent, "consent"),
            Telephone(request.TelephoneNotice));
    }

    public static ConsentGrant Consent(Proto.Consent? consent, string field)
    {
        if (consent is null)
        {
            throw RuleViolation.Invalid(field, $"{field} is required: the patient's consent (samtycke) with its scopes.");
        }
        return new ConsentGrant(
            Scopes(consent.Scopes, $"{field}.scopes"),
            ProtoTime.Required(consent.GivenAt, $"{field}.given_at"),
            ProtoEnums.ToDomain(consent.Form, $"{field}.form"),
            ProtoEnums.ToDomain(consent.Giver, $"{field}.giver"),
            ProtoTime.Optional(consent.ValidUntil, $"{field}.valid_until"));
    }

    public static IReadOnlyList<ConsentScope> Scopes(IEnumerable<Proto.ConsentScope> scopes, string field) =>
        scopes.Select(s => ProtoEnums.ToDomain(s, field)).Distinct().ToList();

    public static DeviationParty Party(Proto.DeviationParty party) => party switch
    {
        Proto.DeviationParty.Responsible => DeviationParty.Responsible,
        Proto.DeviationParty.Reporting => DeviationParty.Reporting,
        Proto.DeviationParty.Unspecified => DeviationParty.Both,
        _ => throw RuleViolation.Invalid("party", "party is not a value this service knows."),
    };
}
