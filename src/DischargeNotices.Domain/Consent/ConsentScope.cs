namespace Samverkan.DischargeNotices.Domain.Consent;

// What the patient consented to (samtycke); each scope is required for its step.
public enum ConsentScope
{
    SendNotices,            // inskrivningsmeddelande and underrättelser
    TransferInformation,    // informationsöverföring
    Sip,                    // kalla till och genomföra SIP
}
