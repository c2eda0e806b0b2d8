using System.Globalization;
using Samverkan.SharedKernel.Statistics;

namespace Samverkan.Portal.Components.Analyst;

// The indicator period as typed in two month fields ("2026-01"), checked as the user types
// against the services' bounds (SharedKernel MonthPeriod), with messages that say what to do.
public sealed class PeriodInput
{
    public string From { get; set; } = "";
    public string To { get; set; } = "";

    public static PeriodInput LastTwelveMonths(DateOnly today)
    {
        var to = new DateOnly(today.Year, today.Month, 1);
        return new PeriodInput { From = Format(to.AddMonths(1 - MonthPeriod.MaxMonths)), To = Format(to) };
    }

    public string? FromError(DateOnly today) => Parse(From) switch
    {
        null => "Ange första månad som år och månad, till exempel 2026-01.",
        var from when from < MonthPeriod.Earliest => "Första månad kan inte vara före januari 2018 (lagen gäller från 2018).",
        var from when from > ThisMonth(today) => "Första månad kan inte vara senare än innevarande månad.",
        _ => null,
    };

    public string? ToError(DateOnly today)
    {
        var to = Parse(To);
        if (to is null) return "Ange sista månad som år och månad, till exempel 2026-12.";
        if (to > ThisMonth(today)) return "Sista månad kan inte vara senare än innevarande månad.";
        if (Parse(From) is not { } from) return null;
        if (to < from) return "Sista månad kan inte vara före första månad.";
        var months = (to.Value.Year - from.Year) * 12 + to.Value.Month - from.Month + 1;
        return months > MonthPeriod.MaxMonths ? $"Perioden får vara högst {MonthPeriod.MaxMonths} månader. Välj en senare första månad eller en tidigare sista månad." : null;
    }

    public bool TryGet(DateOnly today, out DateOnly from, out DateOnly to)
    {
        (from, to) = (Parse(From) ?? default, Parse(To) ?? default);
        return FromError(today) is null && ToError(today) is null;
    }

    private static DateOnly ThisMonth(DateOnly today) => new(today.Year, today.Month, 1);

    private static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
