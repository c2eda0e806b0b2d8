namespace Samverkan.DischargeNotices.Domain.Events;

public sealed record EstimatedDischargeDateChanged : NoticeEvent
{
    public required DateOnly EstimatedDischargeDate { get; init; }

    public override NoticeKind Kind => NoticeKind.EstimatedDischargeDateChanged;
}
