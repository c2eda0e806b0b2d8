namespace Samverkan.DischargeNotices.Domain.Events;

// The fixed care contact invited to the SIP. OccurredAt: when the invitation went out.
public sealed record SipInvitationRecorded : CaseEvent
{
    public string? SipPlanId { get; init; }
}
