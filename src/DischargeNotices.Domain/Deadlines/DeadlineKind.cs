namespace Samverkan.DischargeNotices.Domain.Deadlines;

public enum DeadlineKind
{
    AdmissionNotice,        // inskrivningsmeddelande within 24 hours
    InformationTransfer,    // informationsöverföring no later than the day of discharge
    SipInvitation,          // kallelse till SIP within 3 days of the readiness notice
    FixedCareContact,       // fast vårdkontakt appointed before discharge
}
