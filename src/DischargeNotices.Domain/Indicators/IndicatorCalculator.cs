namespace Samverkan.DischargeNotices.Domain.Indicators;

// Computes the published indicators of a group of cases at a moment. Pure: the same cases, moment
// and agreements always give the same figures, so the rules are unit-testable without a store.
//
// Definitions (docs/discharge-notices.md, "Indicators"):
// - Cases: the group's cases (the caller groups them by the month the admission notice was sent);
//   StillOpen: those not yet discharged or ended (their figures may still change).
// - Deadlines: every deadline instance DeadlineEvaluator finds for the cases now, by kind; met =
//   Met, not met = MetLate or Overdue, pending = Pending; Cancelled is left out.
// - Ready days: PaymentCalculator's ready days (the agreement's day counting) of the cases whose
//   municipality is needed and that had a readiness notice; days over the free days = per
//   readiness notice max(0, ready days − the agreement's threshold for the care type), summed.
// Suppression (SmallCounts, threshold from configuration): every count 1..threshold−1 is hidden;
// the met/not-met pair and the distribution are tables whose total is published, so a single
// hidden cell takes a second one with it; a percentage, total, or median is published only when
// every count it is computed from is published.
public sealed class IndicatorCalculator(DeadlineEvaluator evaluator, int threshold)
{
    public int Threshold { get; } = threshold >= 2 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold), "A threshold below 2 suppresses nothing.");

    public DischargeFigures Compute(IReadOnlyCollection<DischargeCase> cases, Func<string, PaymentAgreement> agreementFor, DateTimeOffset now)
    {
        var deadlines = cases.SelectMany(c => evaluator.Evaluate(c, now)).ToList();
        return new DischargeFigures(
            Count(cases.Count),
            Count(cases.Count(c => c.IsOpen)),
            Enum.GetValues<DeadlineKind>().Select(kind => Deadline(kind, deadlines.Where(d => d.Kind == kind).ToList())).ToList(),
            ReadyDays(cases, agreementFor, SwedishCalendar.DateOf(now)));
    }

    private DeadlineFigures Deadline(DeadlineKind kind, IReadOnlyList<DeadlineStatus> deadlines)
    {
        var met = deadlines.Count(d => d.State == DeadlineState.Met);
        var notMet = deadlines.Count(d => d.IsMissed);
        var decided = Count(met + notMet);
        var cells = SmallCounts.Table([met, notMet], Threshold, totalPublished: !decided.Suppressed);
        double? percent = !decided.Suppressed && decided.Value > 0 && !cells[0].Suppressed && !cells[1].Suppressed
            ? Math.Round(100.0 * met / (met + notMet), 1)
            : null;
        return new DeadlineFigures(kind, decided, cells[0], cells[1], Count(deadlines.Count(d => d.State == DeadlineState.Pending)), percent);
    }

    private ReadyDayFigures ReadyDays(IReadOnlyCollection<DischargeCase> cases, Func<string, PaymentAgreement> agreementFor, DateOnly today)
    {
        var perCase = cases
            .Where(c => c.NeedsMunicipality && c.Events.OfType<ReadinessNotified>().Any())
            .Select(c => ReadyDaysOf(c, agreementFor(c.ResidenceMunicipality), today))
            .ToList();
        var count = Count(perCase.Count);
        var bands = Enum.GetValues<ReadyDayBand>();
        var cells = SmallCounts.Table(bands.Select(b => perCase.Count(c => BandOf(c.Days) == b)).ToList(), Threshold, totalPublished: !count.Suppressed);
        var published = !count.Suppressed && count.Value > 0;
        return new ReadyDayFigures(count,
            published ? perCase.Sum(c => c.Days) : null,
            published ? Median(perCase.Select(c => c.Days).ToList()) : null,
            published ? perCase.Sum(c => c.OverFreeDays) : null,
            bands.Zip(cells).Select(p => (p.First, p.Second)).ToList());
    }

    // Ready days are the same under both payment models; computing under the monthly-average model
    // needs no amount per day, so a year without a configured amount cannot break the statistics.
    private static (int Days, int OverFreeDays) ReadyDaysOf(DischargeCase @case, PaymentAgreement agreement, DateOnly today)
    {
        var payment = PaymentCalculator.Calculate(@case, agreement with { Model = PaymentModel.MonthlyAverage }, NoAmounts, today);
        var free = agreement.ThresholdFor(@case.Admission.CareType);
        return (payment.ReadyDayCount, payment.Periods.Sum(p => Math.Max(0, p.ReadyDays.Count - free)));
    }

    public static ReadyDayBand BandOf(int days) => days switch
    {
        <= 3 => ReadyDayBand.UpTo3Days,
        <= 7 => ReadyDayBand.From4To7Days,
        <= 14 => ReadyDayBand.From8To14Days,
        _ => ReadyDayBand.From15Days,
    };

    public static double Median(IReadOnlyList<int> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private PublishedCount Count(int value) => SmallCounts.Single(value, Threshold);

    private static readonly DailyAmountTable NoAmounts = new(new Dictionary<int, long>());
}
