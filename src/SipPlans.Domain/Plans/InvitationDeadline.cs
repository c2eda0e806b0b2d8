namespace Samverkan.SipPlans.Domain.Plans;

// The discharge case's SIP invitation deadline (within 3 days of the readiness notice, Lag 2017:612).
// Met when the plan's invitations are sent: SIP is the one source of truth for the invitation.
public sealed record InvitationDeadline(
    string DischargeCaseId,
    int ReadinessSequence,
    DateTimeOffset DueAt,
    string ResponsibleUnit,
    string ResponsibleOrganisation,
    DateTimeOffset? MetAt,
    bool Cancelled)
{
    public bool IsOverdueAt(DateTimeOffset now) => !Cancelled && MetAt is null && now > DueAt;
}
