namespace Samverkan.ServiceCore.Feeds;

// The subscriber asked to resume from a position older than the retained feed (FeedRetention).
// Only the feed entries are gone: what they pointed to is still in the service, so the subscriber
// resumes from what is retained and recovers the gap from the service's queries (resyncHint names
// them). Answered FAILED_PRECONDITION with ErrorInfo FEED_POSITION_TRIMMED (RpcErrors).
public sealed class FeedPositionTrimmedException(long requested, long oldestAvailable, string resyncHint)
    : Exception($"Feed entries after position {requested} are no longer retained (the feed keeps entries for a limited time); " +
        $"the oldest available is {oldestAvailable}. Resync: subscribe again with after_position {oldestAvailable - 1}, and {resyncHint}")
{
    public long OldestAvailable { get; } = oldestAvailable;

    // Where to subscribe from to receive everything still retained.
    public long ResumeAfter => OldestAvailable - 1;
}
