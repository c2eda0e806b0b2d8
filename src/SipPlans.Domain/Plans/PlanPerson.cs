namespace Samverkan.SipPlans.Domain.Plans;

// The person the plan belongs to. No address or location is ever stored: a person with protected
// identity (skyddad folkbokföring / sekretessmarkering) must not be locatable through a plan, and
// nobody else needs an address in a SIP. Names are optional (a plan opened from a discharge case
// carries only the personnummer).
public sealed record PlanPerson(
    PersonalIdentityNumber PersonalIdentityNumber,
    string? GivenName,
    string? FamilyName,
    bool ProtectedIdentity)
{
    public const int AdultAge = 18;

    // Age in whole years on a date, from the number's date part (not always the exact birth date,
    // but the law's age limits are applied the same way by the principals).
    public int AgeOn(DateOnly date)
    {
        var birth = PersonalIdentityNumber.DatePart;
        var age = date.Year - birth.Year;
        if (date < birth.AddYears(age)) age--;
        return age;
    }

    public bool IsChildOn(DateOnly date) => AgeOn(date) < AdultAge;

    public override string ToString() => $"PlanPerson {PersonalIdentityNumber}";
}
