namespace Samverkan.ServiceCore.Feeds;

// How long a service's feeds (channels read by external subscribers) keep their entries. Bound by
// AddFeedRetention from the section the service names (e.g. "Discharge:FeedRetention"). Trimming
// removes feed entries only (references); what they point to stays and is what subscribers resync from.
public sealed class FeedRetentionOptions
{
    // An entry is kept at least this long after it was written: a subscriber that was away for
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
