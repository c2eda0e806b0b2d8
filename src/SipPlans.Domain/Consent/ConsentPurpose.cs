namespace Samverkan.SipPlans.Domain.Consent;

// What an organisation may do under a consent (samtycke). Both are specific: a consent names the
// organisations and the purposes it covers.
public enum ConsentPurpose
{
    Participation,       // be summoned/invited to and take part in the SIP meetings and follow-ups
    InformationSharing,  // read the plan and exchange the information the plan needs (sekretess lifted)
}
