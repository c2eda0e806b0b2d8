using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Issue #16.7: a notice given by telephone during an outage is recorded afterwards with the time it
// was actually given and why; deadlines and payment run from that time, and the case shows it.
public sealed class TelephoneNoticeTests
{
    private static readonly DateTimeOffset Admitted = Sweden.At(2023, 3, 1, 8, 0);

    [Fact]
    public void A_readiness_notice_given_by_telephone_counts_from_the_call_not_from_the_typing()
    {
        // Judged ready Mon 6 Mar 08:30, phoned to the municipality 09:00 during an outage, typed in Tue 7 Mar 11:00.
        var @case = Admit(Admitted);
        var call = new TelephoneNotice(Sweden.At(2023, 3, 6, 9, 0), TelephoneNoticeReason.PlatformUnavailable);

        var ready = @case.NotifyReadyForDischarge(Sweden.At(2023, 3, 6, 8, 30), At(Sweden.At(2023, 3, 7, 11, 0)), call);

        Assert.Equal(call, ready.Telephone);
        Assert.Equal(Sweden.At(2023, 3, 7, 11, 0), ready.RecordedAt);
        Assert.Equal(call.GivenAt, ready.SentAt);
        // SIP invitation due at the end of Thu 9 Mar (3 days after the call's day), not Fri 10 Mar.
        var sip = new DeadlineEvaluator(new DeadlinePolicy()).Evaluate(@case, Sweden.At(2023, 3, 8, 0, 0)).Single(d => d.Kind == DeadlineKind.SipInvitation);
        Assert.Equal(Sweden.At(2023, 3, 10, 0, 0), sip.DueAt);
        // Day 0 of payment is Mon 6 Mar.
        @case.Discharged(Sweden.At(2023, 3, 10, 10, 0));
        var payment = PaymentCalculator.Calculate(@case, new PaymentAgreement(), new DailyAmountTable(new Dictionary<int, long> { [2023] = 10_500 }), Sweden.Day(2023, 4, 1));
        Assert.Equal(Sweden.Day(2023, 3, 6), payment.Periods[0].EffectiveNoticeDate);
    }

    [Fact]
    public void An_admission_notice_by_telephone_meets_the_24_hours_by_the_call()
    {
        var details = Details(Admitted) with { Telephone = new TelephoneNotice(Admitted.AddHours(20), TelephoneNoticeReason.SenderSystemUnavailable) };
        var recordedAt = Admitted.AddHours(30);

        var @case = DischargeCase.Open("c", details, new Samverkan.DischargeNotices.Domain.Routing.RecipientRouter(TestDirectory.Shipped).Route("2080", details.Needs, null), At(recordedAt));

        var deadline = new DeadlineEvaluator(new DeadlinePolicy()).Evaluate(@case, recordedAt).Single(d => d.Kind == DeadlineKind.AdmissionNotice);
        Assert.Equal((DeadlineState.Met, (DateTimeOffset?)Admitted.AddHours(20)), (deadline.State, deadline.MetAt));
    }

    [Theory]
    [InlineData(-60, 24 * 60, "before the judgement")]       // a call before the judgement it reports
    [InlineData(1, 8 * 24 * 60, "7 days")]                   // typed in more than 7 days after the call
    [InlineData(3 * 24 * 60, 24 * 60, "in the future")]      // a call later than now
    public void Implausible_call_times_are_refused_and_change_nothing(int callAfterJudgementMinutes, int nowAfterJudgementMinutes, string reason)
    {
        var @case = Admit(Admitted);
        var judged = Sweden.At(2023, 3, 6, 8, 30);
        var call = new TelephoneNotice(judged.AddMinutes(callAfterJudgementMinutes), TelephoneNoticeReason.PlatformUnavailable);

        var violation = Assert.Throws<CaseRuleViolation>(() =>
            @case.NotifyReadyForDischarge(judged, At(judged.AddMinutes(nowAfterJudgementMinutes)), call));

        Assert.Equal(("telephone_notice.given_at", ViolationKind.InvalidArgument), (violation.Field, violation.Kind));
        Assert.Contains(reason, violation.Message);
        Assert.Single(@case.Events);
    }

    [Fact]
    public void A_withdrawal_by_telephone_cannot_precede_the_notice_it_withdraws()
    {
        var @case = Admit(Admitted);
        @case.NotifyReadyForDischarge(Sweden.At(2023, 3, 6, 8, 30), At(Sweden.At(2023, 3, 6, 9, 0)));

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.WithdrawReadiness(Sweden.At(2023, 3, 6, 10, 0), ReadinessWithdrawalReason.ConditionChanged,
            At(Sweden.At(2023, 3, 6, 12, 0)), new TelephoneNotice(Sweden.At(2023, 3, 6, 8, 45), TelephoneNoticeReason.NetworkUnavailable)));

        Assert.Equal("telephone_notice.given_at", violation.Field);
    }
}
