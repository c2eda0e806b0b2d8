using Microsoft.Extensions.Options;
using Samverkan.ServiceCore.Background;

namespace Samverkan.AccessLog.Chain;

// Publishes the chain head (sequence and hash, no personal data) to the operations log and the
// metrics at a fixed interval. The operations log is kept apart from the store, so a rewrite of
// the whole chain (every hash recomputed) still disagrees with the heads published before it:
// pass them to VerifyChain as checkpoints. The store may be down: the next tick tries again.
public sealed partial class ChainHeadPublisher(
    ChainStore chain,
    AccessLogMetrics metrics,
    IOptions<AccessLogOptions> options,
    TimeProvider time,
    ILogger<ChainHeadPublisher> logger) : PeriodicBackgroundService(time, logger)
{
    protected override TimeSpan Interval => options.Value.HeadPublishInterval;

    protected override string Name => "Access log chain head publication";

    public override async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (head, _) = await chain.GetHeadAsync(cancellationToken);
        metrics.Head(head);
        LogHead(Logger, head.Sequence, head.HashHex);
        return 0; // the head itself is the log line
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Access log chain head {ChainSequence} {ChainHash}")]
    private static partial void LogHead(ILogger logger, long chainSequence, string chainHash);
}
