using Microsoft.Extensions.Options;
using Samverkan.ServiceCore.Background;
using Samverkan.ServiceCore.Feeds;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Retention;

// Trims every organisation's feed (feed-{org}) by the feed retention rule (ServiceCore's
// FeedTrimmer), every Interval. A subscriber resuming from a trimmed position gets
// FAILED_PRECONDITION / FEED_POSITION_TRIMMED telling it to resync from the case queries.
public sealed class FeedRetention(
    FeedTrimmer trimmer,
    UnitDirectory directory,
    TimeProvider time,
    IOptions<FeedRetentionOptions> options,
    ILogger<FeedRetention> logger) : PeriodicBackgroundService(time, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override string Name => "Feed retention";

    public override Task<long> RunOnceAsync(CancellationToken cancellationToken) => TrimAsync(cancellationToken);

    // One pass over every organisation's feed; returns the number of entries removed.
    public async Task<long> TrimAsync(CancellationToken cancellationToken)
    {
        long removed = 0;
        foreach (var organisation in directory.Organisations)
        {
            removed += await trimmer.TrimAsync(DischargeStore.FeedChannel(organisation.Code), SentAt, cancellationToken);
        }
        return removed;
    }

    private static DateTimeOffset? SentAt(ChannelEntry entry) =>
        NoticeFeed.Deserialize(entry.Payload).SentAt is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
