namespace Samverkan.DischargeNotices.Domain.Events;

// A receiving unit's planning step, told to the sending unit and the other recipients.
public sealed record PlanningStepRecorded : NoticeEvent
{
    public required string UnitId { get; init; }
    public required PlanningStep Step { get; init; }

    public override NoticeKind Kind => NoticeKind.PlanningStepRecorded;
}
