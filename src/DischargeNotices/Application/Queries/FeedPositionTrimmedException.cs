namespace Samverkan.DischargeNotices.Application.Queries;

// The subscriber asked to resume from a position older than the retained feed (feed retention,
// Discharge:FeedRetention). Only the feed entries are gone: the notices are still on their cases and in
// the inbox, so the subscriber resumes from what is retained and recovers the gap from the queries.
public sealed class FeedPositionTrimmedException(long requested, long oldestAvailable)
    : Exception($"Feed entries after position {requested} are no longer retained (the feed keeps entries for a limited time); " +
        $"the oldest available is {oldestAvailable}. Resync: subscribe again with after_position {oldestAvailable - 1}, and recover " +
        "the notices you missed with ListInbox (newest first, down to the last notice you processed) and GetCase or ListOpenCases.")
{
    public long OldestAvailable { get; } = oldestAvailable;

    // Where to subscribe from to receive everything still retained.
    public long ResumeAfter => OldestAvailable - 1;
}
