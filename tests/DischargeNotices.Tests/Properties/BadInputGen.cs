using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.WellKnownTypes;

namespace Samverkan.DischargeNotices.Tests.Properties;

// Building blocks shared by the generators: odd strings, timestamps and dates a system may send.
public static class BadInputGen
{
    public static readonly string[] Municipalities =
        ["2021", "2023", "2026", "2029", "2031", "2034", "2039", "2061", "2062", "2080", "2081", "2082", "2083", "2084", "2085"];

    // Strings no field expects: empty, blank, control characters, very long, non-ASCII digits.
    public static Gen<string> OddString() => Gen.OneOf(
        Gen.Elements("", " ", "\t", "\0", "../etc", "ÅÄÖ", "٠١٢٣٤٥٦٧٨٩", "<script>", "%00", "null"),
        Gen.Choose(101, 20_000).Select(n => new string('x', n)),
        Gen.Choose(1, 40).Select(n => new string('\u200b', n)));

    // A timestamp protobuf can carry but that is nonsense as an instant: out of range, bad nanos.
    public static Gen<(string Name, Timestamp Value)> MalformedTimestamp() => Gen.Elements(
        ("seconds beyond year 9999", new Timestamp { Seconds = 253_402_300_800 }),
        ("seconds before year 1", new Timestamp { Seconds = -62_135_596_801 }),
        ("nanos negative", new Timestamp { Seconds = 1_700_000_000, Nanos = -1 }),
        ("nanos beyond a second", new Timestamp { Seconds = 1_700_000_000, Nanos = 1_000_000_000 }),
        ("long.MaxValue seconds", new Timestamp { Seconds = long.MaxValue }),
        ("the first instant of year 1", new Timestamp { Seconds = -62_135_596_800 }),
        ("the last second of year 9999", new Timestamp { Seconds = 253_402_300_799 }),
        ("the unix epoch", new Timestamp { Seconds = 0 }));

    // Offsets from "now" that put an instant in the future or far in the past.
    public static Gen<TimeSpan> FutureOffset() => Gen.OneOf(
        Gen.Choose(2, 600).Select(m => TimeSpan.FromMinutes(m)),
        Gen.Choose(1, 3650).Select(d => TimeSpan.FromDays(d)));

    public static Gen<TimeSpan> FarPastOffset() => Gen.Choose(30, 365 * 200).Select(d => -TimeSpan.FromDays(d));

    public static Gen<(string Name, Google.Type.Date Value)> MalformedDate() => Gen.OneOf(
        Gen.Elements(
            ("year 0", new Google.Type.Date { Year = 0, Month = 1, Day = 1 }),
            ("month 0", new Google.Type.Date { Year = 2026, Month = 0, Day = 1 }),
            ("month 13", new Google.Type.Date { Year = 2026, Month = 13, Day = 1 }),
            ("day 0", new Google.Type.Date { Year = 2026, Month = 1, Day = 0 }),
            ("30 February", new Google.Type.Date { Year = 2026, Month = 2, Day = 30 }),
            ("year 10000", new Google.Type.Date { Year = 10_000, Month = 1, Day = 1 }),
            ("year 9999-12-31", new Google.Type.Date { Year = 9999, Month = 12, Day = 31 }),
            ("negative year", new Google.Type.Date { Year = -5, Month = 1, Day = 1 })),
        Gen.Choose(int.MinValue, int.MaxValue).Select(d => ($"day {d}", new Google.Type.Date { Year = 2026, Month = 1, Day = d })));

    public static Gen<int> UnknownEnumValue() => Gen.OneOf(Gen.Choose(4, 1000), Gen.Choose(int.MinValue, -1));

    public static Google.Type.Date Date(DateTimeOffset instant) => new() { Year = instant.Year, Month = instant.Month, Day = instant.Day };

    // Removing corruptions one at a time is how a counterexample shrinks to the one that matters.
    public static IEnumerable<IReadOnlyList<T>> WithOneRemoved<T>(IReadOnlyList<T> items) =>
        items.Count <= 1 ? [] : Enumerable.Range(0, items.Count).Select(i => (IReadOnlyList<T>)items.Where((_, j) => j != i).ToList());
}
