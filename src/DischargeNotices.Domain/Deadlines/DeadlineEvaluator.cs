namespace Samverkan.DischargeNotices.Domain.Deadlines;

// Computes every deadline of a case from its events at a given moment. Pure: the same history and
// moment always give the same answer, so breaches are computed here and nowhere else.
//
// What "met" means, per deadline:
// - admission notice: the notice's sent time <= max(admission, needs judgement) + 24 h; likewise
//   for units added by a needs change: the change sent <= its judgement + 24 h;
// - information transfer: the first transfer recorded no later than the end of the discharge day
//   (before the discharge no due time is known yet);
// - SIP invitation (only when region and municipality are both needed): per readiness notice, an
//   invitation dated no later than the end of the third day after the notice's day; a withdrawal
//   before the due time cancels it unless an invitation was given before the withdrawal (an
//   invitation after the withdrawal counts for the next notice only: cancelled stays cancelled);
// - fixed care contact (only when outpatient care is a recipient): appointed no later than the
//   discharge.
// A notice's sent time is when the recipients were told (a telephone notice: the call).
// When the stay ends otherwise than by discharge (death, leaving, another region), a deadline
// still open at the end is cancelled, not breached: information transfer and the fixed care
// contact (if not done), and a SIP invitation not due yet. Deadlines already missed stay missed.
public sealed class DeadlineEvaluator(DeadlinePolicy policy)
{
    public IReadOnlyList<DeadlineStatus> Evaluate(DischargeCase @case, DateTimeOffset now)
    {
        var deadlines = new List<DeadlineStatus> { AdmissionNotice(@case) };
        deadlines.AddRange(AddedRecipientNotices(@case));
        deadlines.Add(InformationTransfer(@case, now));
        if (@case.NeedsRegionAndMunicipality) deadlines.AddRange(SipInvitations(@case, now));
        if (@case.OutpatientRecipients.Any()) deadlines.Add(FixedCareContact(@case, now));
        return deadlines;
    }

    private DeadlineStatus AdmissionNotice(DischargeCase @case)
    {
        var admission = @case.Admission;
        var startsAt = admission.NeedsAssessedAt > admission.OccurredAt ? admission.NeedsAssessedAt : admission.OccurredAt;
        var due = startsAt + policy.AdmissionNotice;
        var sent = admission.SentAt;
        return new DeadlineStatus(DeadlineKind.AdmissionNotice, sent <= due ? DeadlineState.Met : DeadlineState.MetLate,
            due, sent, @case.SendingOrganisation, admission.SendingUnitId, admission.Sequence);
    }

    // Units added by a needs change get the admission notice's 24 hours from the new judgement.
    private IEnumerable<DeadlineStatus> AddedRecipientNotices(DischargeCase @case) =>
        @case.Events.OfType<NeedsChanged>().Where(c => c.AddedUnitIds.Count > 0).Select(change =>
        {
            var due = change.OccurredAt + policy.AdmissionNotice;
            return new DeadlineStatus(DeadlineKind.AdmissionNotice, change.SentAt <= due ? DeadlineState.Met : DeadlineState.MetLate,
                due, change.SentAt, @case.SendingOrganisation, change.Actor.UnitId, change.Sequence);
        });

    private static DeadlineStatus InformationTransfer(DischargeCase @case, DateTimeOffset now)
    {
        var transfer = @case.Events.OfType<InformationTransferred>().FirstOrDefault();
        DateTimeOffset? due = @case.Discharge is { } discharge ? SwedishCalendar.EndOf(SwedishCalendar.DateOf(discharge.OccurredAt)) : null;
        var state = @case.StayEnd is not null && transfer is null ? DeadlineState.Cancelled : Judge(due, transfer?.SentAt, now);
        return new DeadlineStatus(DeadlineKind.InformationTransfer, state, due, transfer?.SentAt,
            @case.SendingOrganisation, @case.SendingUnitId, @case.Admission.Sequence);
    }

    private IEnumerable<DeadlineStatus> SipInvitations(DischargeCase @case, DateTimeOffset now)
    {
        var invitations = @case.Events.OfType<SipInvitationRecorded>().Select(i => i.OccurredAt).Order().ToList();
        var outpatient = @case.FixedCareContact?.UnitId ?? @case.OutpatientRecipients.First().UnitId;
        var region = @case.OutpatientRecipients.First().OrganisationCode;

        foreach (var readiness in @case.Events.OfType<ReadinessNotified>())
        {
            var due = SwedishCalendar.EndOf(SwedishCalendar.DateOf(readiness.SentAt).AddDays(policy.SipInvitationDays));
            var withdrawal = @case.Events.OfType<ReadinessWithdrawn>().FirstOrDefault(w => w.Sequence > readiness.Sequence);
            // A withdrawal (or an end of the stay) before the due time ends the notice's window: only
            // an invitation given before it meets this deadline; one after belongs to the next notice.
            var endedAt = new[] { withdrawal?.SentAt, @case.StayEnd?.SentAt }.Where(t => t is not null && t < due).Min();
            DateTimeOffset? cancelledAt = endedAt;
            var windowEnd = cancelledAt ?? due;
            DateTimeOffset? onTime = invitations.Where(i => i <= windowEnd).Cast<DateTimeOffset?>().FirstOrDefault();
            DateTimeOffset? late = invitations.Where(i => i > due).Cast<DateTimeOffset?>().FirstOrDefault();

            var (state, metAt) = onTime is not null ? (DeadlineState.Met, onTime)
                : cancelledAt is not null ? (DeadlineState.Cancelled, (DateTimeOffset?)null)
                : late is not null ? (DeadlineState.MetLate, late)
                : (now >= due ? DeadlineState.Overdue : DeadlineState.Pending, null);

            yield return new DeadlineStatus(DeadlineKind.SipInvitation, state, due, metAt, region, outpatient, readiness.Sequence);
        }
    }

    private static DeadlineStatus FixedCareContact(DischargeCase @case, DateTimeOffset now)
    {
        var appointment = @case.Events.OfType<FixedCareContactAppointed>().FirstOrDefault();
        var outpatient = @case.OutpatientRecipients.First();
        var state = @case.StayEnd is not null && appointment is null ? DeadlineState.Cancelled : Judge(@case.Discharge?.OccurredAt, appointment?.RecordedAt, now);
        return new DeadlineStatus(DeadlineKind.FixedCareContact, state, @case.Discharge?.OccurredAt, appointment?.RecordedAt,
            outpatient.OrganisationCode, appointment?.Contact.UnitId ?? outpatient.UnitId, @case.Admission.Sequence);
    }

    // A deadline whose due time may not be known yet (it depends on the discharge).
    private static DeadlineState Judge(DateTimeOffset? due, DateTimeOffset? metAt, DateTimeOffset now) => (due, metAt) switch
    {
        (null, null) => DeadlineState.Pending,
        (null, not null) => DeadlineState.Met,
        (not null, not null) => metAt <= due ? DeadlineState.Met : DeadlineState.MetLate,
        (not null, null) => now >= due ? DeadlineState.Overdue : DeadlineState.Pending,
    };
}
