using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Domain.PaymentCalculatorTests;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Monthly statements on worked examples, computed by hand in the comments.
public sealed class MonthlyStatementBuilderTests
{
    private static readonly DailyAmountTable Amounts = new(new Dictionary<int, long> { [2022] = 9_300, [2023] = 10_500 });
    private static readonly PaymentAgreement Individual = new();
    private static readonly PaymentAgreement Average = new() { Id = "dalarna", Model = PaymentModel.MonthlyAverage };

    [Fact]
    public void A_stay_across_a_month_boundary_is_split_by_the_month_of_each_charged_day()
    {
        // Notice Fri 27 Jan 10:00, discharge Fri 3 Feb 09:00. Ready 27, 28, 29, 30, 31 Jan, 1, 2 Feb = 7.
        // Free 27-29 Jan. Charged 30, 31 Jan (January: 2 × 10 500 = 21 000) and 1, 2 Feb (February: 21 000).
        var @case = Stay(Sweden.At(2023, 1, 27, 10, 0), Sweden.At(2023, 2, 3, 9, 0));
        var today = Sweden.Day(2023, 3, 1);

        var january = MonthlyStatementBuilder.Build("2080", 2023, 1, [@case], Individual, Amounts, today);
        var february = MonthlyStatementBuilder.Build("2080", 2023, 2, [@case], Individual, Amounts, today);

        Assert.Equal([Sweden.Day(2023, 1, 30), Sweden.Day(2023, 1, 31)], Assert.Single(january.Lines).ChargedDays.Select(d => d.Date));
        Assert.Equal((2, 21_000L, false), (january.ChargedDayCount, january.AmountSek, january.Preliminary));
        Assert.Equal([Sweden.Day(2023, 2, 1), Sweden.Day(2023, 2, 2)], Assert.Single(february.Lines).ChargedDays.Select(d => d.Date));
        Assert.Equal((2, 21_000L), (february.ChargedDayCount, february.AmountSek));
        Assert.Equal([2, 3], february.Lines[0].BasisSequences);
        Assert.Equal("191212121212", february.Lines[0].PersonalIdentityNumber.Value);
    }

    [Fact]
    public void The_monthly_average_model_charges_the_days_beyond_threshold_times_cases()
    {
        // March 2023, municipality 2080, threshold 3, day 0 counts:
        //   A: notice Mon 6 Mar 10:00, discharge Fri 10 Mar → ready 6, 7, 8, 9          = 4
        //   B: notice Wed 15 Mar 10:00, discharge Fri 17 Mar → ready 15, 16              = 2
        //   C: notice Mon 20 Mar 10:00, discharge Sun 26 Mar → ready 20, 21, 22, 23, 24, 25 = 6
        // Somatic: N = 3, ready days 12, 12 − 3 × 3 = 3 charged days × 10 500 = 31 500 kr.
        //   D (psychiatric): notice Mon 6 Mar, discharge Wed 8 Mar → ready 6, 7 = 2; 2 − 3 × 1 < 0 → 0.
        // Left out: E discharged in April; F a resident of Borlänge (2081).
        var cases = MarchCases();

        var statement = MonthlyStatementBuilder.Build("2080", 2023, 3, cases, Average, Amounts, Sweden.Day(2023, 4, 15));

        var somatic = statement.Average.Single(a => a.CareType == CareType.Somatic);
        Assert.Equal((3, 12, 3, 3, 10_500L, 31_500L),
            (somatic.DischargedCases, somatic.ReadyDays, somatic.ThresholdDays, somatic.ChargedDays, somatic.AmountPerDaySek, somatic.AmountSek));
        var psychiatric = statement.Average.Single(a => a.CareType == CareType.Psychiatric);
        Assert.Equal((1, 2, 0), (psychiatric.DischargedCases, psychiatric.ReadyDays, psychiatric.ChargedDays));
        Assert.Equal((3, 31_500L), (statement.ChargedDayCount, statement.AmountSek));
        Assert.Equal(["A", "B", "C", "D"], statement.Lines.Select(l => l.CaseId).Order());
        Assert.Equal(4, statement.Lines.Single(l => l.CaseId == "A").ReadyDayCount);
    }

    [Fact]
    public void Changing_the_agreement_recomputes_the_same_events()
    {
        // The same March cases under the individual model:
        //   A: ready 4 → 1 charged (9 Mar); B: ready 2 → 0; C: ready 6 → 3 charged (23, 24, 25 Mar);
        //   D (psychiatric): ready 2 → 0; E (discharged 3 Apr): notice Mon 27 Mar 10:00 → ready 27 Mar-2 Apr,
        //   charged 30, 31 Mar in March (and 1, 2 Apr in April). F is another municipality's resident.
        // March: 1 + 3 + 2 = 6 days × 10 500 = 63 000 kr (the average model gave 31 500 kr).
        var cases = MarchCases();

        var statement = MonthlyStatementBuilder.Build("2080", 2023, 3, cases, Individual, Amounts, Sweden.Day(2023, 4, 15));

        Assert.Equal((6, 63_000L), (statement.ChargedDayCount, statement.AmountSek));
        Assert.Equal(["A", "C", "E"], statement.Lines.Select(l => l.CaseId).Order());
        Assert.Equal([Sweden.Day(2023, 3, 30), Sweden.Day(2023, 3, 31)], statement.Lines.Single(l => l.CaseId == "E").ChargedDays.Select(d => d.Date));
    }

    [Fact]
    public void A_statement_for_a_running_month_is_preliminary_and_shows_open_cases()
    {
        // Notice Mon 6 Mar 10:00, still admitted on Sun 12 Mar: charged 9, 10, 11 Mar → 31 500 kr so far.
        var @case = Scenario.Admit(Sweden.At(2023, 3, 1, 8, 0));
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));

        var statement = MonthlyStatementBuilder.Build("2080", 2023, 3, [@case], Individual, Amounts, Sweden.Day(2023, 3, 12));

        Assert.True(statement.Preliminary);
        Assert.True(Assert.Single(statement.Lines).Open);
        Assert.Equal(31_500, statement.AmountSek);
    }

    private static List<DischargeCase> MarchCases() =>
    [
        Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 10, 11, 0), id: "A"),
        Stay(Sweden.At(2023, 3, 15, 10, 0), Sweden.At(2023, 3, 17, 9, 0), id: "B"),
        Stay(Sweden.At(2023, 3, 20, 10, 0), Sweden.At(2023, 3, 26, 10, 0), id: "C"),
        Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 8, 10, 0), id: "D", careType: CareType.Psychiatric),
        Stay(Sweden.At(2023, 3, 27, 10, 0), Sweden.At(2023, 4, 3, 10, 0), id: "E"),
        Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 20, 10, 0), id: "F", municipality: "2081"),
    ];
}
