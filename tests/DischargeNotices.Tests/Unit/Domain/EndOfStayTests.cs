using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Issue #16.5: the ways a stay really ends besides a planned discharge. Each closes the case (or,
// for a transfer between inpatient units, hands it over), cancels the deadlines still open, and
// limits payment to ready days up to the end of the stay.
public sealed class EndOfStayTests
{
    private static readonly DeadlineEvaluator Evaluator = new(new DeadlinePolicy());
    private static readonly DailyAmountTable Amounts = new(new Dictionary<int, long> { [2023] = 10_500 });
    private static readonly DateTimeOffset Admitted = Sweden.At(2023, 3, 1, 8, 0);

    private static DeadlineStatus Find(DischargeCase @case, DateTimeOffset now, DeadlineKind kind) =>
        Evaluator.Evaluate(@case, now).Single(d => d.Kind == kind);

    [Theory]
    [InlineData(StayEndKind.Died)]
    [InlineData(StayEndKind.LeftAgainstMedicalAdvice)]
    [InlineData(StayEndKind.MovedToOtherRegion)]
    public void A_stay_that_ends_before_any_readiness_notice_closes_the_case_and_cancels_open_deadlines(StayEndKind kind)
    {
        var @case = Admit(Admitted);
        var endedAt = Sweden.At(2023, 3, 3, 14, 0);

        var ended = @case.EndStay(kind, endedAt, At(endedAt.AddMinutes(10)));

        Assert.Equal(kind, ended.EndKind);
        Assert.Equal(CaseStatus.StayEnded, @case.Status);
        Assert.False(@case.IsOpen);
        Assert.Equal(["2080-soc", "2080-hsl", "20-vc-2080"], ended.Addressees);
        Assert.Same(ended, @case.EndOfStay);
        var later = Sweden.At(2023, 4, 1, 0, 0);
        Assert.Equal(DeadlineState.Cancelled, Find(@case, later, DeadlineKind.InformationTransfer).State);
        Assert.Equal(DeadlineState.Cancelled, Find(@case, later, DeadlineKind.FixedCareContact).State);
        Assert.DoesNotContain(Evaluator.Evaluate(@case, later), d => d.IsMissed || d.IsRunning);
        // No readiness notice: no payment.
        var payment = PaymentCalculator.Calculate(@case, new PaymentAgreement(), Amounts, Sweden.Day(2023, 4, 1));
        Assert.Equal((0, 0, 0L), (payment.ReadyDayCount, payment.ChargedDayCount, payment.AmountSek));
    }

    [Fact]
    public void A_closed_stay_takes_no_further_sender_steps_and_cannot_end_twice()
    {
        var @case = Admit(Admitted);
        var endedAt = Sweden.At(2023, 3, 3, 14, 0);
        @case.EndStay(StayEndKind.Died, endedAt, At(endedAt));

        var ready = Assert.Throws<CaseRuleViolation>(() => @case.NotifyReadyForDischarge(endedAt.AddHours(1), At(endedAt.AddHours(1))));
        Assert.Equal(ViolationKind.FailedPrecondition, ready.Kind);
        Assert.Equal(ViolationKind.AlreadyExists,
            Assert.Throws<CaseRuleViolation>(() => @case.EndStay(StayEndKind.Died, endedAt, At(endedAt.AddHours(1)))).Kind);
        Assert.Equal(ViolationKind.FailedPrecondition,
            Assert.Throws<CaseRuleViolation>(() => @case.RegisterDischarge(endedAt.AddHours(1), At(endedAt.AddHours(1)))).Kind);
        Assert.Equal(2, @case.Events.Count);   // admission, end: nothing else was appended
    }

    [Fact]
    public void Leaving_against_advice_while_ready_charges_ready_days_up_to_the_end_of_the_stay_only()
    {
        // Notice Mon 6 Mar 10:00, left Fri 10 Mar 11:00. Ready 6, 7, 8, 9 (the day the stay ends is
        // not a ready day, as for a discharge) = 4; free 6, 7, 8; charged Thu 9 → 10 500 kr.
        // The period is not left open: nothing after the end counts, whatever "today" is.
        var @case = Admit(Admitted);
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
        var ended = @case.EndStay(StayEndKind.LeftAgainstMedicalAdvice, Sweden.At(2023, 3, 10, 11, 0), At(Sweden.At(2023, 3, 10, 11, 5)));

        var payment = PaymentCalculator.Calculate(@case, new PaymentAgreement(), Amounts, Sweden.Day(2023, 6, 1));

        var period = Assert.Single(payment.Periods);
        Assert.Equal(4, period.ReadyDays.Count);
        Assert.Equal(ended.Sequence, period.EndedBySequence);
        Assert.Equal([Sweden.Day(2023, 3, 9)], payment.ChargedDays.Select(d => d.Date));
        Assert.Equal(10_500, payment.AmountSek);
    }

    [Fact]
    public void A_death_before_the_sip_deadline_cancels_it_and_one_after_it_leaves_the_breach_standing()
    {
        // Readiness sent Mon 6 Mar: SIP invitation due end of Thu 9 Mar.
        var early = Admit(Admitted);
        var r1 = early.Ready(Sweden.At(2023, 3, 6, 10, 0));
        early.EndStay(StayEndKind.Died, Sweden.At(2023, 3, 8, 3, 0), At(Sweden.At(2023, 3, 8, 7, 0)));

        var late = Admit(Admitted);
        var r2 = late.Ready(Sweden.At(2023, 3, 6, 10, 0));
        late.EndStay(StayEndKind.Died, Sweden.At(2023, 3, 11, 3, 0), At(Sweden.At(2023, 3, 11, 7, 0)));

        var now = Sweden.At(2023, 3, 20, 0, 0);
        Assert.Equal(DeadlineState.Cancelled, Evaluator.Evaluate(early, now).Single(d => d.Kind == DeadlineKind.SipInvitation && d.StartedBySequence == r1.Sequence).State);
        Assert.Equal(DeadlineState.Overdue, Evaluator.Evaluate(late, now).Single(d => d.Kind == DeadlineKind.SipInvitation && d.StartedBySequence == r2.Sequence).State);
    }

    [Fact]
    public void A_transfer_to_another_inpatient_unit_continues_the_case_with_the_new_sender()
    {
        var @case = Admit(Admitted);
        var ready = @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
        var movedAt = Sweden.At(2023, 3, 7, 9, 0);

        var transfer = @case.TransferToInpatientUnit("20-slv-falun-ger", "20", movedAt, At(movedAt));

        Assert.Equal(("20-slv-falun-med", "20-slv-falun-ger"), (transfer.PreviousUnitId, transfer.NewUnitId));
        Assert.Equal("20-slv-falun-ger", @case.SendingUnitId);
        Assert.True(@case.IsOpen);
        Assert.Same(ready, @case.ReadinessInForce);
        Assert.Contains("20-slv-falun-ger", transfer.Addressees);
        Assert.Contains("2080-soc", transfer.Addressees);
        Assert.Contains("20-slv-falun-ger", @case.CurrentUnits);
        Assert.DoesNotContain("20-slv-falun-med", @case.CurrentUnits);
        // The unit that sent the earlier notices keeps sight of what it took part in.
        Assert.Contains("20-slv-falun-med", @case.ParticipatingUnits);
        Assert.Equal("20", @case.OrganisationOf("20-slv-falun-med"));
        // The information transfer is now the new unit's; the admission notice stays the first unit's.
        var now = movedAt.AddDays(1);
        Assert.Equal("20-slv-falun-ger", Find(@case, now, DeadlineKind.InformationTransfer).ResponsibleUnit);
        Assert.Equal("20-slv-falun-med", Find(@case, now, DeadlineKind.AdmissionNotice).ResponsibleUnit);
        // The new unit discharges.
        @case.RegisterDischarge(movedAt.AddDays(1), At(movedAt.AddDays(1), new Actor("20", "20-slv-falun-ger")));
        Assert.Equal(CaseStatus.Discharged, @case.Status);
    }

    [Fact]
    public void A_transfer_to_the_same_unit_or_outside_the_region_is_refused()
    {
        var @case = Admit(Admitted);
        var at = Sweden.At(2023, 3, 2, 9, 0);

        Assert.Equal(ViolationKind.AlreadyExists,
            Assert.Throws<CaseRuleViolation>(() => @case.TransferToInpatientUnit(SendingUnit, "20", at, At(at))).Kind);
        var outside = Assert.Throws<CaseRuleViolation>(() => @case.TransferToInpatientUnit("2080-soc", "2080", at, At(at)));
        Assert.Equal(("new_sending_unit", ViolationKind.InvalidArgument), (outside.Field, outside.Kind));
        Assert.Single(@case.Events);
    }

    [Fact]
    public void The_monthly_average_counts_a_stay_that_ended_with_a_readiness_notice_but_not_one_without()
    {
        var withReadiness = Admit(Admitted, id: "a");
        withReadiness.Ready(Sweden.At(2023, 3, 6, 10, 0));
        withReadiness.EndStay(StayEndKind.Died, Sweden.At(2023, 3, 12, 3, 0), At(Sweden.At(2023, 3, 12, 7, 0)));
        var withoutReadiness = Admit(Admitted, id: "b");
        withoutReadiness.EndStay(StayEndKind.Died, Sweden.At(2023, 3, 12, 3, 0), At(Sweden.At(2023, 3, 12, 7, 0)));
        var average = new PaymentAgreement { Model = PaymentModel.MonthlyAverage };

        var statement = MonthlyStatementBuilder.Build("2080", 2023, 3, [withReadiness, withoutReadiness], average, Amounts, Sweden.Day(2023, 4, 2));

        // a: ready 6..11 = 6 days; 1 case × threshold 3 → 3 charged days.
        var line = Assert.Single(statement.Lines);
        Assert.Equal(("a", 6), (line.CaseId, line.ReadyDayCount));
        Assert.Equal((1, 6, 3), (statement.Average[0].DischargedCases, statement.Average[0].ReadyDays, statement.Average[0].ChargedDays));
    }
}
