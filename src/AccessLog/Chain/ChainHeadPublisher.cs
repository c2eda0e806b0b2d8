using Microsoft.Extensions.Options;

namespace Samverkan.AccessLog.Chain;

// Publishes the chain head (sequence and hash, no personal data) to the operations log and the
// metrics at a fixed interval. The operations log is kept apart from the store, so a rewrite of
// the whole chain (every hash recomputed) still disagrees with the heads published before it:
// pass them to VerifyChain as checkpoints.
public sealed partial class ChainHeadPublisher(
    ChainStore chain,
    AccessLogMetrics metrics,
    IOptions<AccessLogOptions> options,
    TimeProvider time,
    ILogger<ChainHeadPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeadPublishInterval, time);
        do
        {
            try
            {
                var (head, _) = await chain.GetHeadAsync(stoppingToken);
                metrics.Head(head);
                LogHead(head.Sequence, head.HashHex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store may be down; the next tick tries again.
                LogFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Access log chain head {ChainSequence} {ChainHash}")]
    private partial void LogHead(long chainSequence, string chainHash);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Access log chain head could not be read ({ExceptionType})")]
    private partial void LogFailed(string exceptionType);
}
