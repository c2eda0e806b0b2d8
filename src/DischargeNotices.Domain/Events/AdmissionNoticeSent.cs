namespace Samverkan.DischargeNotices.Domain.Events;

// Inskrivningsmeddelande: opens the case. OccurredAt is the admission.
public sealed record AdmissionNoticeSent : NoticeEvent
{
    public required Patient Patient { get; init; }
    public required string ResidenceMunicipality { get; init; }
    public required string SendingUnitId { get; init; }
    public required string SendingOrganisation { get; init; }
    public required CareType CareType { get; init; }
    public required IReadOnlyList<CareNeed> Needs { get; init; }
    public required IReadOnlyList<RecipientUnit> Recipients { get; init; }
    // The physician's judgement that post-discharge needs may arise (>= admission).
    public required DateTimeOffset NeedsAssessedAt { get; init; }
    public required DateOnly EstimatedDischargeDate { get; init; }
    // The consent the notice was sent under.
    public required ConsentGrant Consent { get; init; }

    public override NoticeKind Kind => NoticeKind.Admission;
}
