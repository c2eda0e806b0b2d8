using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.DischargeNotices.Application.Telemetry;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Queries;

// Streams an organisation's feed from a position: every entry after it, in order, then new ones as
// they are committed. Positions are absolute and never reused, so a subscriber that stores the last
// position it processed and resumes from it misses nothing and sees nothing twice. Entries for
// units outside the caller's scope are skipped (their positions still advance, carried by the next
// heartbeat). Access records are committed before each batch is written.
public sealed class NoticeSubscription(
    IDocumentStore store,
    IChannelReader reader,
    CaseRepository repository,
    CaseAccess access,
    CaseAuditor auditor,
    DischargeMetrics metrics,
    TimeProvider time,
    IOptions<DischargeOptions> options)
{
    private const int BatchSize = 100;

    public async Task RunAsync(CallerIdentity caller, string? unitId, long afterPosition,
        Func<FeedDelivery, Task> deliver, CancellationToken cancellationToken)
    {
        var scope = access.ListingScope(caller, unitId);
        var channel = new ChannelAddress(store.Keyspace.Service, DischargeStore.FeedChannel(scope.OrganisationCode));
        var head = await reader.HeadAsync(channel, cancellationToken);
        if (afterPosition < 0 || afterPosition > head)
        {
            throw CaseRuleViolation.Invalid("after_position", $"after_position {afterPosition} is not a position of your organisation's feed (latest {head}).");
        }

        var heartbeat = options.Value.SubscriptionHeartbeat;
        var position = afterPosition;
        var lastWrite = time.GetUtcNow();
        metrics.SubscriberConnected();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entries = await ReadAsync(channel, position, cancellationToken);
                if (entries.Count > 0)
                {
                    var deliveries = await ResolveAsync(caller, scope, entries, cancellationToken);
                    await auditor.RecordReadsAsync(caller, deliveries.Select(d => d.Item!.Case), cancellationToken);
                    foreach (var delivery in deliveries)
                    {
                        await deliver(delivery);
                        metrics.Delivered(time.GetUtcNow() - delivery.Item!.Notice.RecordedAt);
                    }
                    position = entries[^1].Position;
                    if (deliveries.Count > 0) lastWrite = time.GetUtcNow();
                    continue;
                }

                var idle = time.GetUtcNow() - lastWrite;
                if (idle >= heartbeat)
                {
                    await deliver(new FeedDelivery(position, null));
                    lastWrite = time.GetUtcNow();
                    idle = TimeSpan.Zero;
                }
                await reader.WaitForEntriesAsync(channel, position, heartbeat - idle, cancellationToken);
            }
        }
        finally
        {
            metrics.SubscriberDisconnected();
        }
    }

    private async Task<IReadOnlyList<ChannelEntry>> ReadAsync(ChannelAddress channel, long position, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(channel, position, BatchSize, cancellationToken);
        }
        catch (ChannelTrimmedException trimmed)
        {
            throw new FeedPositionTrimmedException(position, trimmed.OldestAvailable);
        }
    }

    private async Task<List<FeedDelivery>> ResolveAsync(CallerIdentity caller, NoticeScope scope, IReadOnlyList<ChannelEntry> entries,
        CancellationToken cancellationToken)
    {
        var feed = entries.Select(e => (e.Position, Entry: NoticeFeed.Deserialize(e.Payload)))
            .Where(x => scope.UnitId is null || x.Entry.UnitId == scope.UnitId)
            .ToList();
        var cases = (await repository.LoadManyAsync(feed.Select(x => x.Entry.CaseId).Distinct().ToList(), cancellationToken))
            .Select(l => l.Case).Where(c => CaseAccess.CanSee(caller, c)).ToDictionary(c => c.Id);

        var deliveries = new List<FeedDelivery>();
        foreach (var (position, entry) in feed)
        {
            if (cases.TryGetValue(entry.CaseId, out var @case) && @case.EventAt(entry.Sequence) is NoticeEvent notice)
            {
                deliveries.Add(new FeedDelivery(position, new InboxItem(@case, notice, entry.UnitId)));
            }
        }
        return deliveries;
    }
}
