namespace Samverkan.DischargeNotices.Domain.Payment;

// The rules of municipal payment responsibility (betalningsansvar) agreed between the region and a
// municipality, or the law's fallback when there is no agreement. Every figure is configuration
// (section "PaymentResponsibility"); the defaults are the statutory fallback as read here (verify).
//
// Day counting, per readiness notice:
// - the notice's day is its local sending day, or the next day when sent at or after CutOffHour;
// - with a fixed-care-contact requirement, the clock starts no earlier than the appointment day;
// - ready days run from that day (day 0) when DayZeroCounts, else from the day after, up to the
//   withdrawal day (exclusive) or the discharge day (inclusive only when DischargeDayCounts);
// - the first ThresholdFor(careType) ready days of each notice are free; the rest are charged
//   (individual model) or summed per month (monthly-average model).
public sealed record PaymentAgreement
{
    public string Id { get; init; } = "lag-2017-612";

    public PaymentModel Model { get; init; } = PaymentModel.Individual;

    public int SomaticThresholdDays { get; init; } = 3;

    public int PsychiatricThresholdDays { get; init; } = 3;

    public bool DayZeroCounts { get; init; } = true;

    // Local hour (0-23) from which a notice counts from the next day; null = no cut-off.
    public int? CutOffHour { get; init; }

    public bool RequiresFixedCareContact { get; init; }

    public bool DischargeDayCounts { get; init; }

    public int ThresholdFor(CareType careType) =>
        careType == CareType.Psychiatric ? PsychiatricThresholdDays : SomaticThresholdDays;
}
