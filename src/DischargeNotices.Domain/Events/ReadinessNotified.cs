namespace Samverkan.DischargeNotices.Domain.Events;

// Underrättelse om utskrivningsklar patient. OccurredAt: the physician's judgement;
// RecordedAt: when the notice was sent (the payment clock and the SIP deadline run from it).
public sealed record ReadinessNotified : NoticeEvent
{
    public override NoticeKind Kind => NoticeKind.ReadyForDischarge;
}
