using Google.Protobuf.WellKnownTypes;

namespace Samverkan.Portal.Display;

// Times are shown in Swedish local time (Europe/Stockholm), as staff read them on the ward.
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(Timestamp? timestamp) =>
        timestamp is null ? "–" : Local(timestamp.ToDateTimeOffset()).ToString("yyyy-MM-dd HH:mm");

    public static string Format(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? "–" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Local(time.GetUtcNow()).DateTime);

    // A local wall-clock time typed in a form, as an instant.
    public static Timestamp ToTimestamp(DateTime local) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(local, Zone.GetUtcOffset(local)));

    public static Google.Type.Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static DateOnly? ToDateOnly(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? null : new DateOnly(date.Year, date.Month, date.Day);
}
