namespace Samverkan.DischargeNotices.Domain.Cases;

// The longest text a case accepts per field (characters, after trimming). Bounded at input so a
// stored case, and so a page of them, has a known maximum size; documented on each contract field.
public static class TextBounds
{
    public const int Name = 200;            // patient.given_name / family_name, fixed care contact name and title
    public const int Street = 200;
    public const int PostalCode = 16;
    public const int City = 100;
    public const int Phone = 40;
    public const int Summary = 10_000;      // the information transfer
    public const int SipPlanId = 64;
}
