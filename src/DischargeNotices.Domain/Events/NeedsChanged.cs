namespace Samverkan.DischargeNotices.Domain.Events;

// The physician judged the needs after discharge differently: the recipients are routed anew.
// Addressed to the old and the new recipients; an added unit gets the case as an admission notice
// (its own 24 hours from OccurredAt, the judgement), a removed unit learns it is no longer involved.
public sealed record NeedsChanged : NoticeEvent
{
    public required IReadOnlyList<CareNeed> Needs { get; init; }
    public required IReadOnlyList<RecipientUnit> Recipients { get; init; }
    public required IReadOnlyList<string> AddedUnitIds { get; init; }
    public required IReadOnlyList<string> RemovedUnitIds { get; init; }

    public override NoticeKind Kind => NoticeKind.NeedsChanged;
}
