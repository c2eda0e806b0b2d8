namespace Samverkan.DischargeNotices.Domain.Consent;

public enum ConsentGiver
{
    Patient,
    Guardian,               // vårdnadshavare
    LegalRepresentative,
}
