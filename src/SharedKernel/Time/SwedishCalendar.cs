namespace Samverkan.SharedKernel.Time;

// Calendar days in the law's sense are Swedish local days (Europe/Stockholm, with daylight saving):
// "the day of discharge", "within 3 days", the payment days, the cut-off hour.
public static class SwedishCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static int HourOf(DateTimeOffset instant) => ToLocal(instant).Hour;

    // The instant a local day starts (local midnight never falls in a Swedish DST gap).
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    // The instant the local day ends (= the next day starts): the due time of "no later than that day".
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));
}
