using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Domain.Routing;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Issue #16.6: the receiving units' own steps (planning started, ready to receive) and needs that
// change after the admission notice.
public sealed class PlanningAndNeedsTests
{
    private static readonly DeadlineEvaluator Evaluator = new(new DeadlinePolicy());
    private static readonly DateTimeOffset Admitted = Sweden.At(2023, 3, 1, 8, 0);
    private static readonly RecipientRouter Router = new(TestDirectory.Shipped);

    [Fact]
    public void A_recipient_records_planning_started_then_ready_to_receive_told_to_the_sender_and_the_others()
    {
        var @case = Admit(Admitted);
        var at = Sweden.At(2023, 3, 2, 10, 0);

        var started = @case.RecordPlanningStep("2080-soc", PlanningStep.PlanningStarted, null, At(at, SocialServices));
        var ready = @case.RecordPlanningStep("2080-soc", PlanningStep.ReadyToReceive, null, At(at.AddDays(2), SocialServices));

        Assert.Equal(["20-slv-falun-med", "2080-hsl", "20-vc-2080"], started.Addressees);
        Assert.Equal(NoticeKind.PlanningStepRecorded, ready.Kind);
        Assert.Same(ready, @case.PlanningStepOf("2080-soc"));
        Assert.Null(@case.PlanningStepOf("2080-hsl"));
        Assert.Equal(ViolationKind.AlreadyExists, Assert.Throws<CaseRuleViolation>(() =>
            @case.RecordPlanningStep("2080-soc", PlanningStep.ReadyToReceive, null, At(at.AddDays(3), SocialServices))).Kind);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<CaseRuleViolation>(() =>
            @case.RecordPlanningStep("2081-soc", PlanningStep.PlanningStarted, null, At(at.AddDays(3), SocialServices))).Kind);
    }

    [Fact]
    public void Needs_added_after_the_admission_notice_reach_the_new_recipients_with_their_own_24_hours()
    {
        // Admitted with outpatient care only; on 3 Mar 10:00 the physician judges social services needed;
        // the change is sent the next morning at 09:00 (23 h: on time).
        var @case = Admit(Admitted, needs: [CareNeed.OutpatientCare]);
        Assert.False(@case.NeedsMunicipality);
        var judgedAt = Sweden.At(2023, 3, 3, 10, 0);
        var needs = new[] { CareNeed.OutpatientCare, CareNeed.SocialServices };

        var change = @case.ChangeNeeds(needs, Router.Route("2080", needs, null), judgedAt, At(Sweden.At(2023, 3, 4, 9, 0)));

        Assert.Equal(["2080-soc"], change.AddedUnitIds);
        Assert.Equal(["20-vc-2080", "2080-soc"], change.Addressees);
        Assert.True(@case.NeedsMunicipality);
        Assert.Contains(@case.Recipients, r => r.UnitId == "2080-soc");
        var deadline = Evaluator.Evaluate(@case, Sweden.At(2023, 3, 5, 0, 0))
            .Single(d => d.Kind == DeadlineKind.AdmissionNotice && d.StartedBySequence == change.Sequence);
        Assert.Equal((DeadlineState.Met, (DateTimeOffset?)judgedAt.AddHours(24)), (deadline.State, deadline.DueAt));
    }

    [Fact]
    public void A_removed_recipient_is_told_keeps_sight_of_the_case_but_gets_no_later_notices()
    {
        var @case = Admit(Admitted);   // social services + municipal health care (+ outpatient care)
        var needs = new[] { CareNeed.MunicipalHealthCare };
        var at = Sweden.At(2023, 3, 2, 10, 0);

        var change = @case.ChangeNeeds(needs, Router.Route("2080", needs, null), at, At(at));
        var ready = @case.Ready(at.AddDays(1));

        Assert.Contains("2080-soc", change.Addressees);
        Assert.Equal(["2080-soc"], change.RemovedUnitIds);
        Assert.DoesNotContain("2080-soc", ready.Addressees);
        Assert.Contains("2080-soc", @case.ParticipatingUnits);
        Assert.DoesNotContain("2080-soc", @case.CurrentUnits);
        Assert.Equal(ViolationKind.AlreadyExists, Assert.Throws<CaseRuleViolation>(() =>
            @case.ChangeNeeds(needs, Router.Route("2080", needs, null), at.AddDays(2), At(at.AddDays(2)))).Kind);
    }

    [Fact]
    public void Payment_counts_from_when_the_municipality_was_told_not_from_an_earlier_readiness_notice()
    {
        // Outpatient care only at first; readiness Mon 6 Mar; social services added Wed 8 Mar 10:00;
        // discharge Mon 13 Mar. Ready days count from Wed 8 (day 0): 8..12 = 5; free 8, 9, 10; charged 11, 12.
        var @case = Admit(Admitted, needs: [CareNeed.OutpatientCare]);
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
        var needs = new[] { CareNeed.OutpatientCare, CareNeed.SocialServices };
        @case.ChangeNeeds(needs, Router.Route("2080", needs, null), Sweden.At(2023, 3, 8, 9, 0), At(Sweden.At(2023, 3, 8, 10, 0)));
        @case.Discharged(Sweden.At(2023, 3, 13, 10, 0));

        var payment = PaymentCalculator.Calculate(@case, new PaymentAgreement(), new DailyAmountTable(new Dictionary<int, long> { [2023] = 10_500 }), Sweden.Day(2023, 4, 1));

        Assert.Equal(5, payment.ReadyDayCount);
        Assert.Equal([Sweden.Day(2023, 3, 11), Sweden.Day(2023, 3, 12)], payment.ChargedDays.Select(d => d.Date));
    }
}
