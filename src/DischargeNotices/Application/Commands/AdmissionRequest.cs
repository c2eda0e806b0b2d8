namespace Samverkan.DischargeNotices.Application.Commands;

// An admission notice as read from the contract, before routing and the domain's checks.
public sealed record AdmissionRequest(
    string? ActingUnit,
    Patient Patient,
    string ResidenceMunicipality,
    DateTimeOffset AdmittedAt,
    DateTimeOffset? NeedsAssessedAt,
    IReadOnlyList<CareNeed> Needs,
    CareType CareType,
    DateOnly EstimatedDischargeDate,
    string? OutpatientUnit,
    ConsentGrant Consent,
    TelephoneNotice? Telephone = null);
