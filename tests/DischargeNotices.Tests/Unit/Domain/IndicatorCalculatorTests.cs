using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Indicators;
using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using Samverkan.SharedKernel.Statistics;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// The indicator rules with hand-computed figures. Each stay: admitted Mon 6 Mar 2023 08:00 (notice
// 09:00, within 24 h), ready Mon 6 Mar 10:00, discharged Fri 10 Mar 11:00 without information
// transfer, SIP invitation or fixed care contact. Statutory agreement: day 0 counts, the discharge
// day does not → ready days 6, 7, 8, 9 = 4; free days 3 → 1 day over the free days.
public sealed class IndicatorCalculatorTests
{
    private static readonly DateTimeOffset Now = Sweden.At(2023, 6, 1, 12, 0);
    private static readonly IndicatorCalculator Calculator = new(new DeadlineEvaluator(new DeadlinePolicy()), SmallCounts.DefaultThreshold);
    private static PaymentAgreement Statutory(string municipality) => new();

    private static DischargeCase Stay(int n, DateTimeOffset? noticeSent = null)
    {
        var @case = Admit(Sweden.At(2023, 3, 6, 8, 0), sentAt: noticeSent, id: $"case-{n}");
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
        @case.Discharged(Sweden.At(2023, 3, 10, 11, 0));
        return @case;
    }

    private static List<DischargeCase> Stays(int count) => Enumerable.Range(1, count).Select(n => Stay(n)).ToList();

    [Fact]
    public void Five_cases_are_published_with_shares_and_ready_days()
    {
        var figures = Calculator.Compute(Stays(5), Statutory, Now);

        Assert.Equal(PublishedCount.Shown(5), figures.Cases);
        Assert.Equal(PublishedCount.Shown(0), figures.StillOpen);
        var admission = figures.Deadlines.Single(d => d.Kind == DeadlineKind.AdmissionNotice);
        Assert.Equal((PublishedCount.Shown(5), PublishedCount.Shown(5), PublishedCount.Shown(0)), (admission.Decided, admission.Met, admission.NotMet));
        Assert.Equal(100.0, admission.MetPercent);
        // Nothing transferred by the end of the discharge day: all five overdue, 0 % met.
        var transfer = figures.Deadlines.Single(d => d.Kind == DeadlineKind.InformationTransfer);
        Assert.Equal((PublishedCount.Shown(0), PublishedCount.Shown(5)), (transfer.Met, transfer.NotMet));
        Assert.Equal(0.0, transfer.MetPercent);
        Assert.Equal(PublishedCount.Shown(5), figures.ReadyDays.Cases);
        Assert.Equal(20, figures.ReadyDays.TotalDays);
        Assert.Equal(4.0, figures.ReadyDays.MedianDays);
        Assert.Equal(5, figures.ReadyDays.DaysOverFreeDays);
        Assert.Equal(PublishedCount.Shown(5), figures.ReadyDays.Distribution.Single(d => d.Band == ReadyDayBand.From4To7Days).Cases);
    }

    [Fact]
    public void Four_cases_disclose_no_count_and_no_derived_figure()
    {
        var figures = Calculator.Compute(Stays(4), Statutory, Now);

        Assert.Equal(PublishedCount.Hidden, figures.Cases);
        Assert.All(figures.Deadlines, d =>
        {
            Assert.True(d.Decided.Suppressed);
            Assert.Null(d.MetPercent);
        });
        Assert.Equal(PublishedCount.Hidden, figures.ReadyDays.Cases);
        Assert.Null(figures.ReadyDays.TotalDays);
        Assert.Null(figures.ReadyDays.MedianDays);
        Assert.Null(figures.ReadyDays.DaysOverFreeDays);
        Assert.Equal(PublishedCount.Hidden, figures.ReadyDays.Distribution.Single(d => d.Band == ReadyDayBand.From4To7Days).Cases);
    }

    [Fact]
    public void One_late_notice_among_six_hides_both_cells_and_the_share()
    {
        // Case 6's admission notice was sent 30 h after the admission: met late.
        var cases = Stays(5).Append(Stay(6, noticeSent: Sweden.At(2023, 3, 7, 14, 0))).ToList();

        var admission = Calculator.Compute(cases, Statutory, Now).Deadlines.Single(d => d.Kind == DeadlineKind.AdmissionNotice);

        // 5 met, 1 not met: 1 is primary-suppressed; with the total 6 published, 5 could be
        // computed back, so it is hidden too, and so is the share (5/6 would disclose the 1).
        Assert.Equal(PublishedCount.Shown(6), admission.Decided);
        Assert.Equal(PublishedCount.Hidden, admission.NotMet);
        Assert.Equal(PublishedCount.Hidden, admission.Met);
        Assert.Null(admission.MetPercent);
    }

    [Fact]
    public void Open_cases_count_ready_days_up_to_yesterday_and_pending_deadlines_are_not_decided()
    {
        // Five patients ready since Mon 6 Mar 10:00, still in hospital on Thu 9 Mar at noon:
        // ready days 6, 7, 8 (today, the 9th, is not over) = 3, none over the free days.
        var cases = Enumerable.Range(1, 5).Select(n =>
        {
            var @case = Admit(Sweden.At(2023, 3, 6, 8, 0), id: $"open-{n}");
            @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
            return @case;
        }).ToList();

        var figures = Calculator.Compute(cases, Statutory, Sweden.At(2023, 3, 9, 12, 0));

        Assert.Equal(PublishedCount.Shown(5), figures.StillOpen);
        Assert.Equal(15, figures.ReadyDays.TotalDays);
        Assert.Equal(0, figures.ReadyDays.DaysOverFreeDays);
        // The information transfer's due time (the discharge day) is not known yet: pending, not decided.
        var transfer = figures.Deadlines.Single(d => d.Kind == DeadlineKind.InformationTransfer);
        Assert.Equal((PublishedCount.Shown(0), PublishedCount.Shown(5)), (transfer.Decided, transfer.Pending));
        Assert.Null(transfer.MetPercent);
        // The SIP invitation was due by the end of Thu 9 Mar: still pending at noon.
        Assert.Equal(PublishedCount.Shown(5), figures.Deadlines.Single(d => d.Kind == DeadlineKind.SipInvitation).Pending);
    }

    [Fact]
    public void A_withdrawn_readiness_cancels_its_sip_deadline_which_is_not_counted()
    {
        var cases = Enumerable.Range(1, 5).Select(n =>
        {
            var @case = Admit(Sweden.At(2023, 3, 6, 8, 0), id: $"withdrawn-{n}");
            @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
            @case.Withdraw(Sweden.At(2023, 3, 7, 9, 0));
            return @case;
        }).ToList();

        var sip = Calculator.Compute(cases, Statutory, Now).Deadlines.Single(d => d.Kind == DeadlineKind.SipInvitation);

        Assert.Equal((PublishedCount.Shown(0), PublishedCount.Shown(0)), (sip.Decided, sip.Pending));
    }

    [Theory]
    [InlineData(new[] { 4 }, 4.0)]
    [InlineData(new[] { 9, 1, 5 }, 5.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    public void Median_is_the_middle_value_or_the_mean_of_the_two_middle_values(int[] days, double median) =>
        Assert.Equal(median, IndicatorCalculator.Median(days));

    [Theory]
    [InlineData(0, ReadyDayBand.UpTo3Days)]
    [InlineData(3, ReadyDayBand.UpTo3Days)]
    [InlineData(4, ReadyDayBand.From4To7Days)]
    [InlineData(14, ReadyDayBand.From8To14Days)]
    [InlineData(15, ReadyDayBand.From15Days)]
    public void Bands_have_the_documented_bounds(int days, ReadyDayBand band) => Assert.Equal(band, IndicatorCalculator.BandOf(days));

    [Fact]
    public void A_threshold_below_two_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndicatorCalculator(new DeadlineEvaluator(new DeadlinePolicy()), 1));
}
