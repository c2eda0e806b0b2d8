namespace Samverkan.DischargeNotices.Application.Retention;

// Section "Discharge:FeedRetention" of appsettings.json: how long the per-organisation feeds read by
// SubscribeNotices keep their entries. Trimming removes feed entries only (references to notices);
// cases, inboxes and every case query are untouched, and are what a subscriber resyncs from.
public sealed class FeedRetentionOptions
{
    public const string SectionName = "Discharge:FeedRetention";

    // An entry is kept at least this long after its notice was sent: a subscriber that was away for
    // less can always resume from its stored position. 30 days covers a long holiday outage of a
    // municipal system with margin; a feed entry is ~100 bytes, so a longer retention is cheap.
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    // Safety bound on one feed's length, whatever the age of its entries: keeps a runaway sender or a
    // load test from growing a feed without limit. About 10x the 30-day volume of the largest
    // organisation (the region, ~20 000 entries a month); reaching it is logged as a warning.
    public long MaxEntries { get; set; } = 200_000;

    // How often the feeds are trimmed. Entries older than Retention may stay up to this much longer.
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    // Guards against a unit slip ("00:30:00" meant as 30 days) trimming what subscribers still need.
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(1);
}
