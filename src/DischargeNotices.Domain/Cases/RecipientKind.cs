namespace Samverkan.DischargeNotices.Domain.Cases;

public enum RecipientKind
{
    SocialServices,
    MunicipalHealthCare,
    OutpatientCare,
}
