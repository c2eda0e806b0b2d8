using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Worked examples, computed by hand in the comments. Times are Swedish local times.
// Default agreement: individual model, threshold 3 days, day 0 (the notice's day) counts, no
// cut-off hour, the discharge day is not a ready day. Amounts per care day: 2022 9 300 kr,
// 2023 10 500 kr (2021 deliberately missing).
public sealed class PaymentCalculatorTests
{
    private static readonly DailyAmountTable Amounts = new(new Dictionary<int, long>
    {
        [2019] = 7_800, [2020] = 8_200, [2022] = 9_300, [2023] = 10_500,
    });

    private static readonly PaymentAgreement Statutory = new();
    private static readonly DateOnly Later = Sweden.Day(2024, 1, 1);

    [Fact]
    public void Statutory_example_notice_monday_discharge_friday_charges_thursday()
    {
        // Notice Mon 6 Mar 10:00, discharge Fri 10 Mar 11:00.
        // Ready days Mon 6, Tue 7, Wed 8, Thu 9 (Fri = discharge day, not counted) = 4.
        // Free: 6, 7, 8. Charged: Thu 9 → 1 day × 10 500 = 10 500 kr.
        var @case = Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 10, 11, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory, Amounts, Later);

        Assert.True(payment.Applies);
        Assert.Equal([Sweden.Day(2023, 3, 6), Sweden.Day(2023, 3, 7), Sweden.Day(2023, 3, 8), Sweden.Day(2023, 3, 9)],
            Assert.Single(payment.Periods).ReadyDays);
        Assert.Equal([Sweden.Day(2023, 3, 9)], payment.ChargedDays.Select(d => d.Date));
        Assert.Equal(10_500, payment.AmountSek);
        // Traceable: the charged day names the readiness notice, the period names the discharge.
        Assert.Equal(2, payment.ChargedDays.Single().ReadinessSequence);
        Assert.Equal([2, 3], payment.Periods[0].BasisSequences);
    }

    [Fact]
    public void When_day_zero_does_not_count_the_same_stay_charges_nothing()
    {
        // Ready days Tue 7, Wed 8, Thu 9 = 3, all free → 0 days, 0 kr.
        var @case = Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 10, 11, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory with { DayZeroCounts = false }, Amounts, Later);

        Assert.Equal(3, payment.ReadyDayCount);
        Assert.Equal(0, payment.ChargedDayCount);
        Assert.Equal(0, payment.AmountSek);
    }

    [Fact]
    public void When_the_discharge_day_counts_it_is_charged_too()
    {
        // Ready days 6..10 = 5; free 6, 7, 8; charged 9, 10 → 2 × 10 500 = 21 000 kr.
        var @case = Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 10, 11, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory with { DischargeDayCounts = true }, Amounts, Later);

        Assert.Equal(21_000, payment.AmountSek);
    }

    [Fact]
    public void A_withdrawn_readiness_stops_the_clock_and_a_new_notice_starts_it_again_with_new_free_days()
    {
        // Notice Mon 6 Mar 09:00, withdrawn Wed 8 Mar 14:00: ready 6, 7 (the withdrawal day is not) → 2, all free.
        // New notice Mon 13 Mar 08:00, discharge Fri 17 Mar 10:00: ready 13, 14, 15, 16 → free 13-15, charged 16.
        // Total 1 day × 10 500 = 10 500 kr (without the withdrawal it would have been 6..16 = 11 ready, 8 charged).
        var @case = Admit(Sweden.At(2023, 3, 1, 8, 0));
        @case.Ready(Sweden.At(2023, 3, 6, 9, 0));
        @case.Withdraw(Sweden.At(2023, 3, 8, 14, 0));
        @case.Ready(Sweden.At(2023, 3, 13, 8, 0));
        @case.Discharged(Sweden.At(2023, 3, 17, 10, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory, Amounts, Later);

        Assert.Equal(2, payment.Periods.Count);
        Assert.Equal([Sweden.Day(2023, 3, 6), Sweden.Day(2023, 3, 7)], payment.Periods[0].ReadyDays);
        Assert.Empty(payment.Periods[0].ChargedDays);
        Assert.Equal(3, payment.Periods[0].EndedBySequence);
        Assert.Equal([Sweden.Day(2023, 3, 16)], payment.Periods[1].ChargedDays.Select(d => d.Date));
        Assert.Equal(4, payment.Periods[1].ChargedDays[0].ReadinessSequence);
        Assert.Equal(10_500, payment.AmountSek);
    }

    [Fact]
    public void A_notice_sent_after_the_cut_off_hour_counts_from_the_next_day()
    {
        // Cut-off 12:00. Notice Mon 6 Mar 13:30 → counts from Tue 7: ready 7, 8, 9 → all free, 0 kr.
        // The same notice at 11:59 counts from Mon 6: ready 6..9, charged Thu 9 → 10 500 kr.
        var agreement = Statutory with { CutOffHour = 12 };
        var afterCutOff = Stay(Sweden.At(2023, 3, 6, 13, 30), Sweden.At(2023, 3, 10, 11, 0));
        var beforeCutOff = Stay(Sweden.At(2023, 3, 6, 11, 59), Sweden.At(2023, 3, 10, 11, 0));

        var late = PaymentCalculator.Calculate(afterCutOff, agreement, Amounts, Later);
        var early = PaymentCalculator.Calculate(beforeCutOff, agreement, Amounts, Later);

        Assert.Equal(Sweden.Day(2023, 3, 7), late.Periods[0].EffectiveNoticeDate);
        Assert.Equal((3, 0, 0L), (late.ReadyDayCount, late.ChargedDayCount, late.AmountSek));
        Assert.Equal(Sweden.Day(2023, 3, 6), early.Periods[0].EffectiveNoticeDate);
        Assert.Equal((4, 1, 10_500L), (early.ReadyDayCount, early.ChargedDayCount, early.AmountSek));
    }

    [Fact]
    public void Each_charged_day_is_priced_by_its_own_year()
    {
        // Notice Wed 28 Dec 2022 10:00, discharge Tue 3 Jan 2023 10:00.
        // Ready 28, 29, 30, 31 Dec, 1, 2 Jan = 6; free 28-30 Dec.
        // Charged 31 Dec (9 300) + 1 Jan (10 500) + 2 Jan (10 500) = 30 300 kr.
        var @case = Stay(Sweden.At(2022, 12, 28, 10, 0), Sweden.At(2023, 1, 3, 10, 0), admitted: Sweden.At(2022, 12, 20, 8, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory, Amounts, Later);

        Assert.Equal([9_300L, 10_500L, 10_500L], payment.ChargedDays.Select(d => d.AmountSek));
        Assert.Equal(30_300, payment.AmountSek);
    }

    [Fact]
    public void A_year_without_a_configured_amount_stops_the_calculation()
    {
        var @case = Stay(Sweden.At(2021, 3, 1, 10, 0), Sweden.At(2021, 3, 10, 10, 0), admitted: Sweden.At(2021, 2, 20, 8, 0));

        var missing = Assert.Throws<MissingDailyAmountException>(() => PaymentCalculator.Calculate(@case, Statutory, Amounts, Later));

        Assert.Equal(2021, missing.Year);
    }

    [Fact]
    public void A_required_fixed_care_contact_starts_the_clock_at_the_appointment()
    {
        // Notice Mon 6 Mar 10:00, contact appointed Wed 8 Mar 09:00, discharge Mon 13 Mar 10:00.
        // Required: clock from Wed 8: ready 8..12 = 5, charged 11, 12 → 21 000 kr.
        // Not required: ready 6..12 = 7, charged 9..12 → 4 × 10 500 = 42 000 kr.
        var @case = Admit(Sweden.At(2023, 3, 1, 8, 0));
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
        @case.AppointFixedCareContact("20-vc-2080", "Anna", "", "", At(Sweden.At(2023, 3, 8, 9, 0), HealthCentre));
        @case.Discharged(Sweden.At(2023, 3, 13, 10, 0));

        Assert.Equal(21_000, PaymentCalculator.Calculate(@case, Statutory with { RequiresFixedCareContact = true }, Amounts, Later).AmountSek);
        Assert.Equal(42_000, PaymentCalculator.Calculate(@case, Statutory, Amounts, Later).AmountSek);
    }

    [Fact]
    public void A_still_open_case_counts_the_days_that_are_over()
    {
        // Notice Mon 6 Mar 10:00, not discharged, today Sun 12 Mar: ready 6..11 = 6, charged 9, 10, 11 = 31 500 kr.
        var @case = Admit(Sweden.At(2023, 3, 1, 8, 0));
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory, Amounts, Sweden.Day(2023, 3, 12));

        Assert.Null(payment.Periods[0].EndedBySequence);
        Assert.Equal(31_500, payment.AmountSek);
    }

    [Fact]
    public void Without_a_municipal_need_payment_responsibility_does_not_apply()
    {
        var @case = Admit(Sweden.At(2023, 3, 1, 8, 0), needs: [CareNeed.OutpatientCare]);
        @case.Ready(Sweden.At(2023, 3, 6, 10, 0));
        @case.Discharged(Sweden.At(2023, 3, 20, 10, 0));

        var payment = PaymentCalculator.Calculate(@case, Statutory, Amounts, Later);

        Assert.False(payment.Applies);
        Assert.Equal(0, payment.AmountSek);
        Assert.Contains("No municipal intervention", payment.Reason);
    }

    internal static Samverkan.DischargeNotices.Domain.Cases.DischargeCase Stay(DateTimeOffset noticeSent, DateTimeOffset discharged,
        DateTimeOffset? admitted = null, string id = "case-1", CareType careType = CareType.Somatic, string municipality = "2080")
    {
        var @case = Admit(admitted ?? noticeSent.AddDays(-5), id: id, careType: careType, municipality: municipality);
        @case.Ready(noticeSent);
        @case.Discharged(discharged);
        return @case;
    }
}
