namespace Samverkan.SipPlans.Domain.Plans;

// Where a plan is in the SIP process (Upptäck behov → Samtycke → Förbered → Kalla/bjud in →
// SIP-möte → Följ upp → Avsluta). Steps are guarded by PlanTransitions.
public enum PlanState
{
    NeedIdentified,     // behov upptäckt: the initiator recorded the need, nothing shared yet
    InvitationDue,      // opened from a discharge case: the fixed care contact must invite within 3 days
    ConsentRecorded,    // samtycke: the person consented; sharing within its coverage may start
    Preparing,          // förbered: participants and draft content are being gathered
    InvitationsSent,    // kallelser/inbjudningar sent for the SIP meeting
    MeetingHeld,        // SIP-möte held, record written, plan not yet agreed
    Agreed,             // the plan is agreed (a version exists)
    FollowingUp,        // at least one follow-up (uppföljning) recorded
    Closed,             // avslutad: see ClosureReason
}
