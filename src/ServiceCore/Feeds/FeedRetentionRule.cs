namespace Samverkan.ServiceCore.Feeds;

// The feed retention rule, without a store: which prefix of a feed may go now. An entry goes when it
// is older than Retention, or when the feed holds more than MaxEntries newer entries. Applied by
// FeedTrimmer to each feed; unit-tested with a fake clock.
public sealed class FeedRetentionRule(FeedRetentionOptions options, TimeProvider time)
{
    public TimeSpan Retention => options.Retention;

    // A scan of a feed whose newest entry is at position head. Entries up to head - MaxEntries go by
    // the length bound alone, so the scan reads only what comes after them.
    public FeedTrimScan Begin(long head) =>
        new(time.GetUtcNow() - options.Retention, Math.Max(0, head - options.MaxEntries));
}
