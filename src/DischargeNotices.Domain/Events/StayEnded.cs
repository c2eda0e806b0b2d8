namespace Samverkan.DischargeNotices.Domain.Events;

// The stay ended otherwise than by a planned discharge. OccurredAt: when it ended (time of death,
// when the patient left, when the patient was moved).
public sealed record StayEnded : NoticeEvent
{
    public required StayEndKind EndKind { get; init; }

    public override NoticeKind Kind => NoticeKind.StayEnded;
}
