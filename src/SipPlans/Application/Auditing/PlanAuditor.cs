using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.SipPlans.Application.Auditing;

// Access records for SIP plans (PDL 4 kap. 3 §): who, which unit and organisation, which person
// (pseudonymous), what and why. Changes record in their own unit of work; reads, prints and exports
// commit their records before the data leaves the service.
public sealed class PlanAuditor(AccessRecorder recorder)
{
    // Purposes: a fixed vocabulary, never free text.
    public const string Coordination = "sip-coordination";
    public const string DischargeDeadline = "sip-discharge-deadline";

    // The plan is owned by the organisation answering for it; others' reads are disclosures to them.
    public AccessRecord Record(CallerIdentity caller, AccessAction action, SipPlan plan, string purpose = Coordination)
    {
        var record = recorder.Create(caller, action, plan.Person.PersonalIdentityNumber.Value, plan.Person.ProtectedIdentity, purpose, Resource(plan.Id));
        record.ResourceOrganisationCode = plan.ResponsibleOrganisation;
        record.ResourceUnitId = plan.InitiatingUnit;
        return record;
    }

    // A search by personnummer is an access to that person even when it finds nothing.
    public AccessRecord PersonSearch(CallerIdentity caller, string personalIdentityNumber) =>
        recorder.Create(caller, AccessAction.Read, personalIdentityNumber, false, Coordination, "sip-person-search");

    public Task RecordAsync(CallerIdentity caller, AccessAction action, IEnumerable<SipPlan> plans, CancellationToken cancellationToken,
        params AccessRecord[] more) =>
        recorder.RecordReadsAsync(plans.DistinctBy(p => p.Id).Select(p => Record(caller, action, p)).Concat(more).ToList(), cancellationToken);

    public static string Resource(string planId) => $"sip-plan/{planId}";
}
