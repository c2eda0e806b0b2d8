using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.ServiceCore.Feeds;

// Trims one feed of this service's keyspace by FeedRetentionRule. Feeds are read by external
// subscribers, not registered consumers, so consumer-based trimming never applies to them: the
// service decides by age and length, and a subscriber resuming from a trimmed position gets
// FeedPositionTrimmedException (FAILED_PRECONDITION / FEED_POSITION_TRIMMED). Several replicas may
// run it: trimming through a position twice removes nothing the second time.
public sealed partial class FeedTrimmer(
    IDocumentStore store,
    IChannelReader reader,
    ChannelTrimmer trimmer,
    FeedRetentionRule rule,
    IOptions<FeedRetentionOptions> options,
    ILogger<FeedTrimmer> logger)
{
    private const int PageSize = 500;

    // sentAt: when an entry was written (null for entries that carry no time: they are older than
    // every dated one, see FeedTrimScan). Returns the number of entries removed.
    public async Task<long> TrimAsync(string feed, Func<ChannelEntry, DateTimeOffset?> sentAt, CancellationToken cancellationToken)
    {
        var channel = new ChannelAddress(store.Keyspace.Service, feed);
        var head = await reader.HeadAsync(channel, cancellationToken);
        if (head == 0)
        {
            return 0;
        }

        var scan = rule.Begin(head);
        var after = scan.ReadAfter;
        while (!scan.IsComplete)
        {
            IReadOnlyList<ChannelEntry> page;
            try
            {
                page = await reader.ReadAsync(channel, after, PageSize, cancellationToken);
            }
            catch (ChannelTrimmedException trimmed)
            {
                after = trimmed.OldestAvailable - 1; // an earlier pass removed these already
                continue;
            }
            if (page.Count == 0)
            {
                break;
            }
            foreach (var entry in page)
            {
                if (!scan.Offer(entry.Position, sentAt(entry)))
                {
                    break;
                }
            }
            after = page[^1].Position;
        }

        var removed = await trimmer.TrimThroughAsync(feed, scan.TrimThrough, cancellationToken);
        if (removed > 0)
        {
            if (scan.LengthBoundApplies)
            {
                LogLengthBoundReached(feed, options.Value.MaxEntries);
            }
            LogTrimmed(removed, feed, rule.Retention.TotalDays);
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed retention removed {Count} entries of feed {Feed} (retention {RetentionDays} days)")]
    private partial void LogTrimmed(long count, string feed, double retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} exceeded {MaxEntries} entries: entries younger than the retention were removed")]
    private partial void LogLengthBoundReached(string feed, long maxEntries);
}
