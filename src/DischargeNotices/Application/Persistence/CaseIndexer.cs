using Samverkan.AccessLogging;

namespace Samverkan.DischargeNotices.Application.Persistence;

// The indexes that make a case findable, as a function of its state:
// - open cases per unit and organisation (score: admission), without protected persons (broad lists);
// - inbox and unacknowledged notices per addressee unit and organisation (member "{case}/{seq}/{unit}",
//   score: sent time);
// - a patient's cases, by pseudonymous person reference (never the personnummer in a key);
// - deadline watch per participating organisation (score: the earliest due time among running and
//   missed deadlines, so a range up to now yields exactly the cases past a deadline);
// - running deadlines (score: earliest due) for the deadline monitor;
// - deviations per responsible and reporting organisation (score: detection time);
// - payment per municipality (score: end of the stay, or far future while open) once a readiness notice exists;
// - every case of a municipality's residents (score: the admission notice's sent time), for the indicators.
public sealed class CaseIndexer(DeadlineEvaluator evaluator, PersonReferences persons)
{
    public const double StillOpen = 9e15;

    public IndexMembership MembershipOf(DischargeCase @case, DateTimeOffset now)
    {
        var membership = new IndexMembership();
        // Open-case lists show the units taking part now; deadlines concern every organisation that took part.
        var units = @case.CurrentUnits.ToList();
        var organisations = @case.ParticipatingOrganisations.ToList();
        var currentOrganisations = units.Select(@case.OrganisationOf).Distinct().ToList();
        var admitted = IndexMembership.Score(@case.AdmittedAt);

        membership.Add(DischargeStore.Indexes.PatientCases(persons.For(@case.Patient.PersonalIdentityNumber.Value)), @case.Id, admitted);
        membership.Add(DischargeStore.Indexes.Residents(@case.ResidenceMunicipality), @case.Id, IndexMembership.Score(@case.Admission.SentAt));

        if (@case.IsOpen && !@case.Patient.ProtectedIdentity)
        {
            foreach (var unit in units) membership.Add(DischargeStore.Indexes.OpenByUnit(unit), @case.Id, admitted);
            foreach (var org in currentOrganisations) membership.Add(DischargeStore.Indexes.OpenByOrganisation(org), @case.Id, admitted);
        }

        foreach (var notice in @case.Notices)
        {
            var sent = IndexMembership.Score(notice.RecordedAt);
            foreach (var unitId in notice.Addressees)
            {
                var member = InboxMember(@case.Id, notice.Sequence, unitId);
                var org = @case.OrganisationOf(unitId);
                membership.Add(DischargeStore.Indexes.InboxByUnit(unitId), member, sent);
                membership.Add(DischargeStore.Indexes.InboxByOrganisation(org), member, sent);
                if (@case.AcknowledgementOf(notice.Sequence, unitId) is null)
                {
                    membership.Add(DischargeStore.Indexes.UnacknowledgedByUnit(unitId), member, sent);
                    membership.Add(DischargeStore.Indexes.UnacknowledgedByOrganisation(org), member, sent);
                }
            }
        }

        var deadlines = evaluator.Evaluate(@case, now);
        var watched = deadlines.Where(d => (d.IsRunning || d.IsMissed) && d.DueAt is not null).Select(d => d.DueAt!.Value).ToList();
        if (watched.Count > 0)
        {
            foreach (var org in organisations) membership.Add(DischargeStore.Indexes.DeadlineWatch(org), @case.Id, IndexMembership.Score(watched.Min()));
        }
        var running = deadlines.Where(d => d.IsRunning).Select(d => d.DueAt!.Value).ToList();
        if (running.Count > 0)
        {
            membership.Add(DischargeStore.Indexes.RunningDeadlines, @case.Id, IndexMembership.Score(running.Min()));
        }

        foreach (var breach in @case.RecordedBreaches)
        {
            var member = Samverkan.DischargeNotices.Domain.Deviations.DeviationReports.Id(@case.Id, breach.Sequence);
            var detected = IndexMembership.Score(breach.RecordedAt);
            membership.Add(DischargeStore.Indexes.Deviations(breach.ResponsibleOrganisation), member, detected);
            membership.Add(DischargeStore.Indexes.Deviations(@case.ResidenceMunicipality), member, detected);
        }

        if (@case.NeedsMunicipality && @case.Events.OfType<ReadinessNotified>().Any())
        {
            var score = @case.EndOfStay is { } end ? IndexMembership.Score(end.OccurredAt) : StillOpen;
            membership.Add(DischargeStore.Indexes.Payment(@case.ResidenceMunicipality), @case.Id, score);
        }
        return membership;
    }

    public static string InboxMember(string caseId, int sequence, string unitId) => $"{caseId}/{sequence}/{unitId}";

    public static (string CaseId, int Sequence, string UnitId) ParseInboxMember(string member)
    {
        var parts = member.Split('/', 3);
        return (parts[0], int.Parse(parts[1]), parts[2]);
    }
}
