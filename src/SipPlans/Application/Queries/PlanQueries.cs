using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceCore.Paging;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Time;
using Samverkan.SipPlans.Application.Access;
using Samverkan.SipPlans.Application.Auditing;
using Samverkan.SipPlans.Application.Persistence;
using Samverkan.AccessLogging;

namespace Samverkan.SipPlans.Application.Queries;

// Reads. Every plan returned is checked against the caller again (indexes are never the access
// decision) and access-logged before it leaves the service.
public sealed class PlanQueries(
    PlanRepository repository,
    IndexPager pager,
    PlanAuthorization authorization,
    PlanAuditor auditor,
    PersonReferences persons,
    UnitDirectory directory,
    TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    // Names of organisations and units for exports.
    public UnitDirectory Directory => directory;

    public DateOnly Today => SwedishCalendar.DateOf(Now);

    public async Task<SipPlan> GetAsync(CallerIdentity caller, string planId, AccessAction action, CancellationToken ct)
    {
        var loaded = await repository.LoadAsync(planId, ct);
        var plan = authorization.RequireVisible(caller, loaded?.Plan, planId, Now);
        await auditor.RecordAsync(caller, action, [plan], ct);
        return plan;
    }

    public async Task<(SipPlan Plan, PlanVersion Version)> GetVersionAsync(CallerIdentity caller, string planId, int versionNumber,
        AccessAction action, CancellationToken ct)
    {
        var loaded = await repository.LoadAsync(planId, ct);
        var plan = authorization.RequireVisible(caller, loaded?.Plan, planId, Now);
        var version = (versionNumber == 0 ? plan.CurrentVersion : plan.VersionNumbered(versionNumber))
            ?? throw (versionNumber == 0
                ? RuleViolation.State("The plan has no agreed version yet.", new PreconditionSubject("PLAN_STATE", plan.State.ToString()))
                : RuleViolation.Invalid("version_number", $"The plan has no version {versionNumber}; it has {plan.Versions.Count}."));
        await auditor.RecordAsync(caller, action, [plan], ct);
        return (plan, version);
    }

    // The caller's organisation's plans, newest first; one state uses its own index, several filter.
    public async Task<(IReadOnlyList<SipPlan> Plans, string NextPageToken)> ListAsync(CallerIdentity caller, IReadOnlyCollection<PlanState> states,
        int pageSize, string? pageToken, CancellationToken ct)
    {
        PlanAuthorization.RequireParticipant(caller);
        var index = states.Count == 1
            ? SipStore.Indexes.ByOrganisationAndState(caller.OrganisationCode, states.Single().ToString())
            : SipStore.Indexes.ByOrganisation(caller.OrganisationCode);
        var page = await pager.ReadAsync(index, double.NegativeInfinity, double.PositiveInfinity, descending: true, pageSize, pageToken, ct);
        var plans = await VisibleAsync(caller, page, p => states.Count == 0 || states.Contains(p.State), ct);
        return (plans, page.NextPageToken);
    }

    // Plans with a step past its time that the caller's organisation answers for, most overdue first.
    public async Task<(IReadOnlyList<SipPlan> Plans, string NextPageToken)> OverdueAsync(CallerIdentity caller, int pageSize, string? pageToken,
        CancellationToken ct)
    {
        PlanAuthorization.RequireParticipant(caller);
        var now = Now;
        var page = await pager.ReadAsync(SipStore.Indexes.Due(caller.OrganisationCode), double.NegativeInfinity,
            now.ToUnixTimeMilliseconds(), descending: false, pageSize, pageToken, ct);
        var today = SwedishCalendar.DateOf(now);
        var plans = await VisibleAsync(caller, page,
            p => p.OverdueSteps(now, today).Any(s => s.ResponsibleOrganisation == caller.OrganisationCode), ct);
        return (plans, page.NextPageToken);
    }

    // One person's plans the caller may see, newest first. The search itself is access-logged.
    public async Task<(IReadOnlyList<SipPlan> Plans, string NextPageToken)> PersonAsync(CallerIdentity caller, PersonalIdentityNumber person,
        int pageSize, string? pageToken, CancellationToken ct)
    {
        PlanAuthorization.RequireParticipant(caller);
        var page = await pager.ReadAsync(SipStore.Indexes.ByPerson(persons.For(person.Value)), double.NegativeInfinity, double.PositiveInfinity,
            descending: true, pageSize, pageToken, ct);
        var plans = await VisibleAsync(caller, page, _ => true, ct, auditor.PersonSearch(caller, person.Value));
        return (plans, page.NextPageToken);
    }

    private async Task<IReadOnlyList<SipPlan>> VisibleAsync(CallerIdentity caller, IndexPage page, Func<SipPlan, bool> filter, CancellationToken ct,
        params AccessRecord[] more)
    {
        var now = Now;
        var loaded = await repository.LoadManyAsync(page.Entries.Select(e => e.Member).ToList(), ct);
        var plans = loaded.Select(l => l.Plan).Where(p => PlanAccess.CanSee(p, caller.OrganisationCode, now) && filter(p)).ToList();
        await auditor.RecordAsync(caller, AccessAction.Read, plans, ct, more);
        return plans;
    }

}
