using Samverkan.ServiceCore.Access;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Text;

namespace Samverkan.SipPlans.Application.Access;

// Who may do what, from the caller's token and the plan (never from request fields alone):
// - every plan call needs the role sip-participant;
// - a plan is visible to an organisation that takes part in it while the person's consent covers
//   it (PlanAccess, in the domain); any other plan is "not found", revealing nothing;
// - a change acts for one unit: staff their token's unit, systems the acting_unit they name, which
//   must belong to their organisation (ActingUnits, ServiceCore);
// - survey aggregates: analysts for any organisation, participants for their own.
public sealed class PlanAuthorization(ActingUnits actingUnits)
{
    public static void RequireParticipant(CallerIdentity caller)
    {
        if (!caller.HasRole(PlatformRoles.SipParticipant))
        {
            throw RuleViolation.Denied($"SIP plans require the role {PlatformRoles.SipParticipant}.");
        }
    }

    public SipPlan RequireVisible(CallerIdentity caller, SipPlan? plan, string planId, DateTimeOffset now)
    {
        RequireParticipant(caller);
        if (plan is null || !PlanAccess.CanSee(plan, caller.OrganisationCode, now))
        {
            throw RuleViolation.NotFound($"No SIP plan {EchoedInput.Quote(planId)} that you may see.");
        }
        return plan;
    }

    // The actor of a change: the acting unit of the caller's organisation, on a plan it may change.
    public Actor RequireChange(CallerIdentity caller, SipPlan? plan, string planId, string? actingUnit, DateTimeOffset now)
    {
        var visible = RequireVisible(caller, plan, planId, now);
        if (!visible.IsOpen)
        {
            throw RuleViolation.State($"Plan {visible.Id} is closed ({visible.ClosedBecause}); its history stays readable.",
                new PreconditionSubject("PLAN_STATE", nameof(PlanState.Closed)));
        }
        return Actor(caller, actingUnit);
    }

    public Actor Actor(CallerIdentity caller, string? actingUnit)
    {
        RequireParticipant(caller);
        var unit = actingUnits.Resolve(caller, actingUnit);
        return new Actor(unit.OrganisationCode, unit.Id);
    }

    public static void RequireSurveyReader(CallerIdentity caller, string organisation)
    {
        if (caller.HasRole(PlatformRoles.Analyst)) return;
        if (caller.HasRole(PlatformRoles.SipParticipant) && caller.OrganisationCode == organisation) return;
        throw RuleViolation.Denied($"Survey summaries are for the role {PlatformRoles.Analyst}, or {PlatformRoles.SipParticipant} of the same organisation.");
    }
}
