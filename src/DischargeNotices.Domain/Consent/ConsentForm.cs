namespace Samverkan.DischargeNotices.Domain.Consent;

public enum ConsentForm
{
    Verbal,
    Written,
    Digital,
}
