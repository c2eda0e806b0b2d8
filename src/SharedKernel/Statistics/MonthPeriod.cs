using Samverkan.SharedKernel.Rules;
using Samverkan.SharedKernel.Time;

namespace Samverkan.SharedKernel.Statistics;

// A statistics period of whole Swedish calendar months, both ends included. Bounded, so an
// aggregate over it reads a bounded part of a store: at most MaxMonths months, from January 2018
// (Lag 2017:612 and the platform's oldest data), not after the current month.
public readonly record struct MonthPeriod(DateOnly First, DateOnly Last)
{
    public const int MaxMonths = 12;

    public static readonly DateOnly Earliest = new(2018, 1, 1);

    public int MonthCount => (Last.Year - First.Year) * 12 + Last.Month - First.Month + 1;

    public IEnumerable<DateOnly> Months => Enumerable.Range(0, MonthCount).Select(First.AddMonths);

    // The instants [Start, End) the period covers in Swedish local time.
    public DateTimeOffset Start => SwedishCalendar.StartOf(First);

    public DateTimeOffset End => SwedishCalendar.StartOf(Last.AddMonths(1));

    public static DateOnly MonthOf(DateTimeOffset instant)
    {
        var day = SwedishCalendar.DateOf(instant);
        return new DateOnly(day.Year, day.Month, 1);
    }

    // Validates caller input; today is the Swedish date now. Refusals name the field "period".
    public static MonthPeriod Of(int fromYear, int fromMonth, int toYear, int toMonth, DateOnly today)
    {
        const string field = "period";
        if (!IsMonth(fromYear, fromMonth) || !IsMonth(toYear, toMonth))
        {
            throw RuleViolation.Invalid(field, "period needs from_year/from_month and to_year/to_month, each a year and a month 1-12.");
        }
        var first = new DateOnly(fromYear, fromMonth, 1);
        var last = new DateOnly(toYear, toMonth, 1);
        if (first < Earliest) throw RuleViolation.Invalid(field, "period may not start before January 2018.");
        if (last > new DateOnly(today.Year, today.Month, 1)) throw RuleViolation.Invalid(field, "period may not end after the current month.");
        if (last < first) throw RuleViolation.Invalid(field, "period must not end before it starts.");
        var period = new MonthPeriod(first, last);
        if (period.MonthCount > MaxMonths) throw RuleViolation.Invalid(field, $"period may be at most {MaxMonths} months long.");
        return period;
    }

    private static bool IsMonth(int year, int month) => year is >= 1 and <= 9999 && month is >= 1 and <= 12;
}
