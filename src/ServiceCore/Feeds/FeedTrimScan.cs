namespace Samverkan.ServiceCore.Feeds;

// Offered a feed's entries oldest first, finds the position through which the feed may be trimmed.
// It stops at the first entry sent at or after the cutoff and never trims from there on, even if a
// later entry looks older (clocks of two service instances may differ by a little): an entry is
// never removed before its retention has passed. Entries without a sent time were written before
// entries carried one, so they are older than every dated entry: they go together with the dated
// entries around them, i.e. at the latest one retention period after the upgrade.
public sealed class FeedTrimScan(DateTimeOffset cutoff, long lengthBoundThrough)
{
    private long _expiredThrough;

    public DateTimeOffset Cutoff => cutoff;

    // The scan reads the entries after this position; everything up to it goes by the length bound.
    public long ReadAfter => lengthBoundThrough;

    // True once an entry young enough to keep was seen: nothing after it can go.
    public bool IsComplete { get; private set; }

    // Whether the length bound (not age) decides part of the trim: worth a warning.
    public bool LengthBoundApplies => lengthBoundThrough > _expiredThrough;

    public long TrimThrough => Math.Max(lengthBoundThrough, _expiredThrough);

    // Returns false when the scan is complete (stop reading).
    public bool Offer(long position, DateTimeOffset? sentAt)
    {
        if (IsComplete)
        {
            return false;
        }
        if (sentAt is null)
        {
            return true;
        }
        if (sentAt >= cutoff)
        {
            IsComplete = true;
            return false;
        }
        _expiredThrough = position;
        return true;
    }
}
