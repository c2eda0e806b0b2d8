namespace Samverkan.SipPlans.Domain.Access;

// Which organisation may see and change a plan, from the plan alone (the application adds the
// caller's role). Secrecy applies between principals (OSL 25 kap. 1 §, 26 kap. 1 §): an
// organisation sees a plan only while it takes part (or initiated it) AND the person's consent
// covers it for sharing information. Before any consent exists, only the initiating organisation
// sees its own record of the need. After a withdrawal the organisation loses access at once; the
// plan's history stays for those still covered.
public static class PlanAccess
{
    public static bool CanSee(SipPlan plan, string organisation, DateTimeOffset at)
    {
        var takesPart = organisation == plan.InitiatingOrganisation || plan.PrincipalOrganisations.Contains(organisation);
        if (!takesPart) return false;
        if (!plan.Consent.HasAny) return organisation == plan.InitiatingOrganisation;
        return plan.Covers(organisation, ConsentPurpose.InformationSharing, at);
    }

    // Changing needs seeing, and an open plan.
    public static bool CanChange(SipPlan plan, string organisation, DateTimeOffset at) => plan.IsOpen && CanSee(plan, organisation, at);

    // Why not, for the caller's own organisation (NOT_FOUND is answered to others so that a plan's
    // existence reveals nothing; this text is for the application's decision only).
    public static bool IsParticipantWithoutCoverage(SipPlan plan, string organisation, DateTimeOffset at) =>
        (organisation == plan.InitiatingOrganisation || plan.PrincipalOrganisations.Contains(organisation)) && !CanSee(plan, organisation, at);
}
