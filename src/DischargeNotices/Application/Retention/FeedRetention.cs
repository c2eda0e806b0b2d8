using Microsoft.Extensions.Options;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.DischargeNotices.Application.Retention;

// Trims every organisation's feed (feed-{org}) by FeedRetentionRule, every Interval. The feeds'
// readers are external subscribers, not registered consumers, so consumer-based trimming never
// applies to them: the service decides by age and length, and a subscriber resuming from a trimmed
// position gets FAILED_PRECONDITION / FEED_POSITION_TRIMMED telling it to resync from the case
// queries. Several replicas may run it: the store's trim is watched and trimming through a position
// twice removes nothing the second time.
public sealed partial class FeedRetention(
    IDocumentStore store,
    IChannelReader reader,
    ChannelTrimmer trimmer,
    UnitDirectory directory,
    FeedRetentionRule rule,
    TimeProvider time,
    IOptions<FeedRetentionOptions> options,
    ILogger<FeedRetention> logger) : BackgroundService
{
    private const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await TrimAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex.GetType().FullName ?? "unknown");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // One pass over every organisation's feed; returns the number of entries removed.
    public async Task<long> TrimAsync(CancellationToken cancellationToken)
    {
        long removed = 0;
        foreach (var organisation in directory.Organisations)
        {
            removed += await TrimFeedAsync(organisation.Code, cancellationToken);
        }
        return removed;
    }

    private async Task<long> TrimFeedAsync(string organisationCode, CancellationToken cancellationToken)
    {
        var feed = DischargeStore.FeedChannel(organisationCode);
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
                if (!scan.Offer(entry.Position, SentAt(entry)))
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
                LogLengthBoundReached(organisationCode, options.Value.MaxEntries);
            }
            LogTrimmed(removed, organisationCode, rule.Retention.TotalDays);
        }
        return removed;
    }

    private static DateTimeOffset? SentAt(ChannelEntry entry) =>
        NoticeFeed.Deserialize(entry.Payload).SentAt is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed retention removed {Count} entries of organisation {Organisation}'s feed (retention {RetentionDays} days)")]
    private partial void LogTrimmed(long count, string organisation, double retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed of organisation {Organisation} exceeded {MaxEntries} entries: entries younger than the retention were removed")]
    private partial void LogLengthBoundReached(string organisation, long maxEntries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed retention pass failed with {ExceptionType}; the next pass tries again")]
    private partial void LogPassFailed(string exceptionType);
}
