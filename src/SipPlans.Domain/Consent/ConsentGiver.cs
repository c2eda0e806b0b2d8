namespace Samverkan.SipPlans.Domain.Consent;

public enum ConsentGiver
{
    Individual,             // the person themselves
    Guardian,               // vårdnadshavare of a child
    LegalRepresentative,    // e.g. förvaltare with that mandate
}

public enum ConsentForm
{
    Verbal,
    Written,
    Digital,
    // Given in the discharge case (CONSENT_SCOPE_SIP) and carried over with the invitation deadline.
    FromDischargeCase,
}
