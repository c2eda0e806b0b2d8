namespace Samverkan.DischargeNotices.Domain.Deviations;

// A missed deadline as a deviation (avvikelse), addressed to the responsible organisation and
// reported on behalf of the affected one. No patient data: the case id is the reference.
public sealed record DeviationReport(
    string DeviationId,
    string CaseId,
    DeadlineKind Kind,
    string ResponsibleOrganisation,
    string? ResponsibleUnit,
    string ReportingOrganisation,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt,
    DateTimeOffset? MetAt,
    string Description);
