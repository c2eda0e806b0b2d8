namespace Samverkan.DischargeNotices.Domain.Deadlines;

// The deadlines of Lag (2017:612) as numbers, so a change in the law or in a local routine is a
// configuration change (section "Deadlines").
public sealed record DeadlinePolicy
{
    // Inskrivningsmeddelande within 24 hours of admission or of the later judgement.
    public TimeSpan AdmissionNotice { get; init; } = TimeSpan.FromHours(24);

    // Kallelse till SIP "senast tre dagar efter underrättelse": until the end of the third local
    // calendar day after the day the readiness notice was sent.
    public int SipInvitationDays { get; init; } = 3;
}
