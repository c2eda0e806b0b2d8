using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.DischargeNotices.Application.Telemetry;
using Samverkan.ServiceCore.Feeds;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Queries;

// Streams an organisation's feed from a position (ServiceCore's FeedFollower: every entry after it,
// in order, then new ones as they are committed, heartbeats while idle). Entries for units outside
// the caller's scope are skipped (their positions still advance, carried by the next heartbeat).
// Access records are committed before each batch is written.
public sealed class NoticeSubscription(
    FeedFollower follower,
    CaseRepository repository,
    CaseAccess access,
    CaseAuditor auditor,
    DischargeMetrics metrics,
    TimeProvider time,
    IOptions<DischargeOptions> options)
{
    // What a subscriber behind the retained feed recovers the gap from.
    public const string ResyncHint = "recover the notices you missed with ListInbox (newest first, down to the last notice you processed) " +
        "and GetCase or ListOpenCases.";

    public async Task RunAsync(CallerIdentity caller, string? unitId, long afterPosition,
        Func<FeedDelivery, Task> deliver, CancellationToken cancellationToken)
    {
        var scope = access.ListingScope(caller, unitId);
        metrics.SubscriberConnected();
        try
        {
            await follower.FollowAsync(DischargeStore.FeedChannel(scope.OrganisationCode), afterPosition,
                options.Value.SubscriptionHeartbeat, ResyncHint,
                async entries =>
                {
                    var deliveries = await ResolveAsync(caller, scope, entries, cancellationToken);
                    await auditor.RecordReadsAsync(caller, deliveries.Select(d => d.Item!.Case), cancellationToken);
                    foreach (var delivery in deliveries)
                    {
                        await deliver(delivery);
                        metrics.Delivered(time.GetUtcNow() - delivery.Item!.Notice.RecordedAt);
                    }
                    return deliveries.Count;
                },
                position => deliver(new FeedDelivery(position, null)),
                cancellationToken);
        }
        finally
        {
            metrics.SubscriberDisconnected();
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
