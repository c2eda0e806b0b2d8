namespace Samverkan.DischargeNotices.Domain.Events;

// The patient moved to another inpatient unit of the same region: the case continues and the new
// unit sends its notices from now on. OccurredAt: when the patient moved.
public sealed record InpatientUnitChanged : NoticeEvent
{
    public required string PreviousUnitId { get; init; }
    public required string NewUnitId { get; init; }

    public override NoticeKind Kind => NoticeKind.InpatientUnitChanged;
}
