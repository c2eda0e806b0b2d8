namespace Samverkan.DischargeNotices.Domain.Indicators;

// The published indicators of one group of cases (a municipality's cases admitted in one month,
// or in the whole period, or the county's). Every count is already suppressed (SmallCounts); a
// figure derived from suppressed counts is null. No case id, no date finer than the month.
public sealed record DischargeFigures(
    PublishedCount Cases,
    PublishedCount StillOpen,
    IReadOnlyList<DeadlineFigures> Deadlines,
    ReadyDayFigures ReadyDays);

// One statutory deadline kind. Decided = met + not met (met late or overdue); pending deadlines
// are not decided yet and cancelled ones (the readiness notice withdrawn, the stay ended) are not
// counted at all. MetPercent is null when a count it is computed from is suppressed.
public sealed record DeadlineFigures(
    DeadlineKind Kind,
    PublishedCount Decided,
    PublishedCount Met,
    PublishedCount NotMet,
    PublishedCount Pending,
    double? MetPercent);

// Days as ready for discharge (utskrivningsklar) of the cases with a readiness notice whose
// municipality is needed (the days payment responsibility is counted from). Open cases count
// their days up to yesterday. Null figures: the number of cases is suppressed or zero.
public sealed record ReadyDayFigures(
    PublishedCount Cases,
    int? TotalDays,
    double? MedianDays,
    int? DaysOverFreeDays,
    IReadOnlyList<(ReadyDayBand Band, PublishedCount Cases)> Distribution);

public enum ReadyDayBand
{
    UpTo3Days,      // 0–3 days: within the usual free days
    From4To7Days,
    From8To14Days,
    From15Days,
}
