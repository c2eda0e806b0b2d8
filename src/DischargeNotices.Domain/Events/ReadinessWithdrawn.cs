namespace Samverkan.DischargeNotices.Domain.Events;

// The readiness notice in force is withdrawn (the patient's condition changed). OccurredAt: the judgement.
public sealed record ReadinessWithdrawn : NoticeEvent
{
    public required ReadinessWithdrawalReason Reason { get; init; }

    public override NoticeKind Kind => NoticeKind.ReadinessWithdrawn;
}
