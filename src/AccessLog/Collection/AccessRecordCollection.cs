using Microsoft.Extensions.Options;
using Samverkan.AccessLogging;
using Samverkan.Store;

namespace Samverkan.AccessLog.Collection;

// Follows the "audit" channel of every configured keyspace and hands each batch to the
// collector. The position lives in the store and moves only in the collector's commit, so a
// restart (or a crash mid-commit) resumes exactly where the last committed batch ended.
public sealed partial class AccessRecordCollection(
    IChannelReader channels,
    AccessRecordCollector collector,
    IOptions<AccessLogOptions> options,
    ILogger<AccessRecordCollection> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Sources.Distinct(StringComparer.Ordinal)
            .Select(source => FollowAsync(new ChannelAddress(source, AccessLogChannel.Name), stoppingToken)));

    private async Task FollowAsync(ChannelAddress source, CancellationToken stoppingToken)
    {
        var failures = 0;
        long? position = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                position ??= await channels.GetConsumerPositionAsync(source, options.Value.ConsumerName, stoppingToken);
                var entries = await channels.ReadAsync(source, position.Value, options.Value.BatchSize, stoppingToken);
                if (entries.Count == 0)
                {
                    await channels.WaitForEntriesAsync(source, position.Value, MaxWait, stoppingToken);
                    continue;
                }
                await collector.CollectAsync(source, entries, stoppingToken);
                position = entries[^1].Position;
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ChannelTrimmedException ex)
            {
                // Records were trimmed from the producer's channel before they were chained: they
                // are lost to the log. Say so loudly and carry on from what is left.
                LogTrimmed(source.Service, position ?? 0, ex.OldestAvailable);
                position = ex.OldestAvailable - 1;
            }
            catch (Exception ex)
            {
                // The store may be down, or the commit's outcome unknown: re-read the committed position.
                position = null;
                failures++;
                LogFailed(source.Service, ex.GetType().Name, failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * (1 << Math.Min(failures, 6)))), stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Critical,
        Message = "Access records of {Source} after position {Position} were trimmed before collection; continuing at {OldestAvailable}")]
    private partial void LogTrimmed(string source, long position, long oldestAvailable);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Collecting access records of {Source} failed ({ExceptionType}, attempt {Failures})")]
    private partial void LogFailed(string source, string exceptionType, int failures);
}
