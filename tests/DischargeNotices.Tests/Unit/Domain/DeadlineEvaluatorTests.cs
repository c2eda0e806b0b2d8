using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

public sealed class DeadlineEvaluatorTests
{
    private static readonly DeadlineEvaluator Evaluator = new(new DeadlinePolicy());

    private static DeadlineStatus Find(DischargeCase @case, DateTimeOffset now, DeadlineKind kind, int? startedBy = null) =>
        Evaluator.Evaluate(@case, now).Single(d => d.Kind == kind && (startedBy is null || d.StartedBySequence == startedBy));

    [Fact]
    public void The_admission_notice_is_due_24_hours_after_admission()
    {
        var admitted = Sweden.At(2024, 3, 4, 8, 0);

        var onTime = Admit(admitted, sentAt: admitted.AddHours(23).AddMinutes(59));
        var late = Admit(admitted, sentAt: admitted.AddHours(24).AddMinutes(1));

        Assert.Equal(DeadlineState.Met, Find(onTime, admitted.AddDays(2), DeadlineKind.AdmissionNotice).State);
        var missed = Find(late, admitted.AddDays(2), DeadlineKind.AdmissionNotice);
        Assert.Equal(DeadlineState.MetLate, missed.State);
        Assert.Equal(admitted.AddHours(24), missed.DueAt);
        Assert.Equal(("20", "20-slv-falun-med"), (missed.ResponsibleOrganisation, missed.ResponsibleUnit));
    }

    [Fact]
    public void The_24_hours_run_from_the_physicians_later_judgement()
    {
        // Admitted Monday 08:00, needs judged Tuesday 10:00, notice Wednesday 09:00: 23 h after the judgement.
        var admitted = Sweden.At(2024, 3, 4, 8, 0);
        var @case = Admit(admitted, sentAt: Sweden.At(2024, 3, 6, 9, 0), needsAssessedAt: Sweden.At(2024, 3, 5, 10, 0));

        var deadline = Find(@case, Sweden.At(2024, 3, 7, 0, 0), DeadlineKind.AdmissionNotice);

        Assert.Equal(DeadlineState.Met, deadline.State);
        Assert.Equal(Sweden.At(2024, 3, 6, 10, 0), deadline.DueAt);
    }

    [Fact]
    public void Information_transfer_is_due_at_the_end_of_the_discharge_day()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        @case.Ready(Sweden.At(2024, 3, 6, 9, 0));

        Assert.Equal((DeadlineState.Pending, (DateTimeOffset?)null), Pair(Find(@case, Sweden.At(2024, 3, 7, 9, 0), DeadlineKind.InformationTransfer)));

        @case.Discharged(Sweden.At(2024, 3, 8, 11, 0));
        var dueAt = Sweden.At(2024, 3, 9, 0, 0);
        Assert.Equal((DeadlineState.Pending, (DateTimeOffset?)dueAt), Pair(Find(@case, Sweden.At(2024, 3, 8, 23, 59), DeadlineKind.InformationTransfer)));
        Assert.Equal(DeadlineState.Overdue, Find(@case, dueAt, DeadlineKind.InformationTransfer).State);

        @case.TransferInformation(null, "Epikris", At(Sweden.At(2024, 3, 9, 8, 0)));
        Assert.Equal(DeadlineState.MetLate, Find(@case, Sweden.At(2024, 3, 9, 9, 0), DeadlineKind.InformationTransfer).State);
    }

    [Fact]
    public void Information_transferred_before_the_discharge_meets_the_deadline()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        @case.Ready(Sweden.At(2024, 3, 6, 9, 0));
        @case.TransferInformation(null, "Epikris", At(Sweden.At(2024, 3, 6, 10, 0)));
        @case.Discharged(Sweden.At(2024, 3, 8, 11, 0));

        Assert.Equal(DeadlineState.Met, Find(@case, Sweden.At(2024, 3, 20, 0, 0), DeadlineKind.InformationTransfer).State);
    }

    [Fact]
    public void The_sip_invitation_is_due_at_the_end_of_the_third_day_after_the_readiness_notice()
    {
        // Notice Monday 11 March 10:00 → due at the end of Thursday 14 March (Friday 00:00 local).
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        var readiness = @case.Ready(Sweden.At(2024, 3, 11, 10, 0));
        var due = Sweden.At(2024, 3, 15, 0, 0);

        var pending = Find(@case, Sweden.At(2024, 3, 14, 23, 0), DeadlineKind.SipInvitation);
        Assert.Equal((DeadlineState.Pending, (DateTimeOffset?)due), Pair(pending));
        Assert.Equal(readiness.Sequence, pending.StartedBySequence);
        Assert.Equal("20-vc-2080", pending.ResponsibleUnit);
        Assert.Equal(DeadlineState.Overdue, Find(@case, due, DeadlineKind.SipInvitation).State);

        @case.RecordSipInvitation("20-vc-2080", Sweden.At(2024, 3, 14, 15, 0), "sip-1", At(Sweden.At(2024, 3, 15, 9, 0), HealthCentre));
        var met = Find(@case, Sweden.At(2024, 3, 15, 9, 0), DeadlineKind.SipInvitation);
        Assert.Equal((DeadlineState.Met, (DateTimeOffset?)Sweden.At(2024, 3, 14, 15, 0)), (met.State, met.MetAt));
    }

    [Fact]
    public void A_withdrawn_readiness_cancels_its_sip_deadline_and_a_new_notice_starts_a_new_one()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        var first = @case.Ready(Sweden.At(2024, 3, 11, 10, 0));
        @case.Withdraw(Sweden.At(2024, 3, 12, 10, 0));
        var second = @case.Ready(Sweden.At(2024, 3, 13, 10, 0));
        var now = Sweden.At(2024, 3, 16, 12, 0);

        Assert.Equal(DeadlineState.Cancelled, Find(@case, now, DeadlineKind.SipInvitation, first.Sequence).State);
        var renewed = Find(@case, now, DeadlineKind.SipInvitation, second.Sequence);
        Assert.Equal((DeadlineState.Pending, (DateTimeOffset?)Sweden.At(2024, 3, 17, 0, 0)), Pair(renewed));
    }

    // Issue #16.4: an invitation after the withdrawal belongs to the new readiness notice; the
    // withdrawn notice's deadline stays cancelled (and is not counted as met anywhere).
    [Fact]
    public void A_cancelled_sip_deadline_stays_cancelled_when_the_invitation_follows_a_new_readiness_notice()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        var first = @case.Ready(Sweden.At(2024, 3, 11, 10, 0));
        @case.Withdraw(Sweden.At(2024, 3, 12, 10, 0));
        var second = @case.Ready(Sweden.At(2024, 3, 12, 15, 0));
        var invitedAt = Sweden.At(2024, 3, 13, 9, 0);   // within the first notice's 3 days too
        @case.RecordSipInvitation("20-vc-2080", invitedAt, null, At(invitedAt.AddMinutes(5), HealthCentre));
        var now = Sweden.At(2024, 3, 20, 12, 0);

        Assert.Equal(DeadlineState.Cancelled, Find(@case, now, DeadlineKind.SipInvitation, first.Sequence).State);
        Assert.Equal(DeadlineState.Met, Find(@case, now, DeadlineKind.SipInvitation, second.Sequence).State);
        Assert.Single(Evaluator.Evaluate(@case, now), d => d is { Kind: DeadlineKind.SipInvitation, State: DeadlineState.Met });
    }

    [Fact]
    public void An_invitation_before_the_withdrawal_still_meets_the_withdrawn_notices_deadline()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        var first = @case.Ready(Sweden.At(2024, 3, 11, 10, 0));
        var invitedAt = Sweden.At(2024, 3, 11, 14, 0);
        @case.RecordSipInvitation("20-vc-2080", invitedAt, null, At(invitedAt.AddMinutes(5), HealthCentre));
        @case.Withdraw(Sweden.At(2024, 3, 12, 10, 0));

        Assert.Equal(DeadlineState.Met, Find(@case, Sweden.At(2024, 3, 20, 12, 0), DeadlineKind.SipInvitation, first.Sequence).State);
    }

    [Fact]
    public void No_sip_deadline_when_only_social_services_are_needed()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0), needs: [CareNeed.SocialServices]);
        @case.Ready(Sweden.At(2024, 3, 11, 10, 0));

        var kinds = Evaluator.Evaluate(@case, Sweden.At(2024, 3, 20, 0, 0)).Select(d => d.Kind);

        Assert.DoesNotContain(DeadlineKind.SipInvitation, kinds);
        Assert.DoesNotContain(DeadlineKind.FixedCareContact, kinds);
    }

    [Fact]
    public void The_fixed_care_contact_must_be_appointed_before_the_discharge()
    {
        var withContact = Admit(Sweden.At(2024, 3, 4, 8, 0));
        withContact.AppointFixedCareContact("20-vc-2080", "Anna", "", "", At(Sweden.At(2024, 3, 5, 9, 0), HealthCentre));
        withContact.Ready(Sweden.At(2024, 3, 6, 9, 0));
        withContact.Discharged(Sweden.At(2024, 3, 8, 11, 0));
        var without = Admit(Sweden.At(2024, 3, 4, 8, 0));
        without.Ready(Sweden.At(2024, 3, 6, 9, 0));

        Assert.Equal(DeadlineState.Pending, Find(without, Sweden.At(2024, 3, 7, 0, 0), DeadlineKind.FixedCareContact).State);
        without.Discharged(Sweden.At(2024, 3, 8, 11, 0));

        Assert.Equal(DeadlineState.Met, Find(withContact, Sweden.At(2024, 3, 9, 0, 0), DeadlineKind.FixedCareContact).State);
        Assert.Equal(DeadlineState.Overdue, Find(without, Sweden.At(2024, 3, 9, 0, 0), DeadlineKind.FixedCareContact).State);
    }

    [Fact]
    public void A_breach_is_recorded_once_even_when_the_deadline_is_met_late_afterwards()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        @case.Ready(Sweden.At(2024, 3, 11, 10, 0));

        Assert.Empty(@case.RecordNewBreaches(Evaluator, Sweden.At(2024, 3, 14, 12, 0)));
        var breach = Assert.Single(@case.RecordNewBreaches(Evaluator, Sweden.At(2024, 3, 15, 0, 5)));
        Assert.Empty(@case.RecordNewBreaches(Evaluator, Sweden.At(2024, 3, 15, 6, 0)));
        @case.RecordSipInvitation("20-vc-2080", Sweden.At(2024, 3, 15, 9, 0), null, At(Sweden.At(2024, 3, 15, 9, 0), HealthCentre));

        Assert.Empty(@case.RecordNewBreaches(Evaluator, Sweden.At(2024, 3, 15, 9, 1)));
        Assert.Equal((DeadlineKind.SipInvitation, Sweden.At(2024, 3, 15, 0, 0), true), (breach.Kind, breach.DueAt, breach.Actor.System));
        Assert.Single(@case.RecordedBreaches);
    }

    private static (DeadlineState, DateTimeOffset?) Pair(DeadlineStatus status) => (status.State, status.DueAt);
}
