namespace Samverkan.DischargeNotices.Domain.Events;

// Utskrivning; closes the case. OccurredAt: the discharge.
public sealed record PatientDischarged : NoticeEvent
{
    public override NoticeKind Kind => NoticeKind.Discharged;
}
