using Samverkan.AccessLogging;
using Samverkan.ServiceCore.Indexing;
using Samverkan.SharedKernel.Time;

namespace Samverkan.SipPlans.Application.Persistence;

// The indexes a plan belongs to, computed from its state: the organisations that take part (by
// creation time, and by state), the person (pseudonymous), and the earliest pending due time per
// responsible organisation. Reads check access again, so an index is never the access decision.
public sealed class PlanIndexer(PersonReferences persons)
{
    public IndexMembership MembershipOf(SipPlan plan)
    {
        var membership = new IndexMembership();
        var created = IndexMembership.Score(plan.CreatedAt);
        foreach (var organisation in plan.PrincipalOrganisations.Append(plan.InitiatingOrganisation).Distinct())
        {
            membership.Add(SipStore.Indexes.ByOrganisation(organisation), plan.Id, created);
            membership.Add(SipStore.Indexes.ByOrganisationAndState(organisation, plan.State.ToString()), plan.Id, created);
        }
        membership.Add(SipStore.Indexes.ByPerson(persons.For(plan.Person.PersonalIdentityNumber.Value)), plan.Id, created);
        foreach (var (organisation, dueAt) in PendingDue(plan))
        {
            membership.Add(SipStore.Indexes.Due(organisation), plan.Id, IndexMembership.Score(dueAt));
        }
        return membership;
    }

    // Per organisation, the earliest time a pending step becomes overdue: the invitation deadline,
    // and the end (Swedish time) of each scheduled follow-up day.
    public static IEnumerable<(string Organisation, DateTimeOffset DueAt)> PendingDue(SipPlan plan)
    {
        if (!plan.IsOpen) return [];
        var due = new List<(string, DateTimeOffset)>();
        if (plan.InvitationDeadline is { Cancelled: false, MetAt: null } deadline)
        {
            due.Add((deadline.ResponsibleOrganisation, deadline.DueAt));
        }
        foreach (var date in plan.ScheduledFollowUps)
        {
            due.Add((plan.ResponsibleOrganisation, SwedishCalendar.EndOf(date)));
        }
        return due.GroupBy(d => d.Item1).Select(g => (g.Key, g.Min(d => d.Item2)));
    }
}
