using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application;

// Deadlines pass while nobody touches a case (no SIP invitation, no information transfer after
// the discharge). The monitor finds cases whose earliest running deadline is due and records the
// breach on the case, so it is counted, listed and reported even if nothing else happens. Several
// replicas may run it: the case version makes each breach commit exactly once.
public sealed partial class DeadlineMonitor(
    IDocumentStore store,
    CaseCommandPipeline pipeline,
    TimeProvider time,
    IOptions<DischargeOptions> options,
    ILogger<DeadlineMonitor> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineMonitorInterval, time);
        do
        {
            try
            {
                var recorded = await ScanAsync(stoppingToken);
                if (recorded > 0) LogBreachesRecorded(recorded);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; the exception type only (messages may echo data).
                LogScanFailed(ex.GetType().FullName ?? "unknown");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // One pass over the cases with a deadline due by now; returns the number of breaches recorded.
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var now = IndexMembership.Score(time.GetUtcNow());
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline monitor recorded {Count} missed deadlines")]
    private partial void LogBreachesRecorded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline monitor pass failed with {ExceptionType}")]
    private partial void LogScanFailed(string exceptionType);
}
