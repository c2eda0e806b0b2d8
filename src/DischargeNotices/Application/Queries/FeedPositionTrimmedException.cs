namespace Samverkan.DischargeNotices.Application.Queries;

// The subscriber asked to resume from a position older than the retained feed.
public sealed class FeedPositionTrimmedException(long requested, long oldestAvailable)
    : Exception($"Feed entries after position {requested} are no longer retained; the oldest available is {oldestAvailable}. " +
        "Catch up with ListInbox, then subscribe again from that position.")
{
    public long OldestAvailable { get; } = oldestAvailable;
}
