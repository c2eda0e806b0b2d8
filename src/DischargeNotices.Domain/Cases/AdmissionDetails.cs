namespace Samverkan.DischargeNotices.Domain.Cases;

// What the inpatient unit states in the admission notice (inskrivningsmeddelande).
public sealed record AdmissionDetails(
    Patient Patient,
    string ResidenceMunicipality,
    string SendingUnitId,
    string SendingOrganisation,
    CareType CareType,
    IReadOnlyList<CareNeed> Needs,
    DateTimeOffset AdmittedAt,
    DateTimeOffset? NeedsAssessedAt,
    DateOnly EstimatedDischargeDate,
    ConsentGrant Consent,
    TelephoneNotice? Telephone = null);
