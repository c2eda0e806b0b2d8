using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.ServiceCore.Background;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application;

// Deadlines pass while nobody touches a case (no SIP invitation, no information transfer after
// the discharge). The monitor finds cases whose earliest running deadline is due and records the
// breach on the case, so it is counted, listed and reported even if nothing else happens. Several
// replicas may run it: the case version makes each breach commit exactly once.
public sealed class DeadlineMonitor(
    IDocumentStore store,
    CaseCommandPipeline pipeline,
    TimeProvider time,
    IOptions<DischargeOptions> options,
    ILogger<DeadlineMonitor> logger) : PeriodicBackgroundService(time, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.DeadlineMonitorInterval;

    protected override string Name => "Deadline monitor";

    public override async Task<long> RunOnceAsync(CancellationToken cancellationToken) => await ScanAsync(cancellationToken);

    // One pass over the cases with a deadline due by now; returns the number of breaches recorded.
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var now = IndexMembership.Score(Time.GetUtcNow());
        var visited = new HashSet<string>();
        var recorded = 0;
        while (true)
        {
            var due = await store.QueryIndexAsync(DischargeStore.Indexes.RunningDeadlines, 0, now, 0, BatchSize, false, cancellationToken);
            var fresh = due.Where(e => visited.Add(e.Member)).ToList();
            foreach (var entry in fresh)
            {
                recorded += (await pipeline.RecordDueBreachesAsync(entry.Member, cancellationToken)).Count;
            }
            if (due.Count < BatchSize || fresh.Count == 0) return recorded;
        }
    }
}
