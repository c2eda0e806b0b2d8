using Google.Protobuf;
using Microsoft.Extensions.Options;
using Samverkan.AccessLog.Chain;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.AccessLog.Collection;

// Chains the access records read from one service's audit channel. One commit per batch holds
// the new entries, their indexes, the new head (version-checked), the record-id claims and the
// consumer's new position (checked against the position the batch was read after): a batch is
// chained exactly once or not at all, whatever crashes, and whichever instance gets it.
public sealed partial class AccessRecordCollector(
    IDocumentStore store,
    ChainStore chain,
    IOptions<AccessLogOptions> options,
    AccessLogMetrics metrics,
    ILogger<AccessRecordCollector> logger)
{
    public const string RecordIdScope = "access-record";
    private const int MaxAttempts = 20;

    // Appends go through one head; serialising them in-process avoids needless version conflicts.
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Returns how many entries were chained (duplicates are skipped; 0 when another instance
    // chained this batch first).
    public async Task<int> CollectAsync(ChannelBatch batch, CancellationToken cancellationToken)
    {
        var source = batch.Channel;
        var entries = batch.Entries;
        var parsed = entries.Select(entry => (entry.Payload, Record: TryParse(source, entry))).ToList();
        var started = DateTimeOffset.UtcNow;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (head, headVersion) = await chain.GetHeadAsync(cancellationToken);
                var fresh = await WithoutDuplicatesAsync(parsed, cancellationToken);

                var work = new UnitOfWork();
                var last = head;
                foreach (var (payload, record) in fresh)
                {
                    last = ChainStore.Append(work, last, payload);
                    if (record is null) continue;
                    var member = AccessIndexes.Member(last.Sequence);
                    var score = AccessIndexes.Score(record);
                    foreach (var index in AccessIndexes.For(record)) work.Index(index, member, score);
                    if (record.RecordId.Length > 0)
                    {
                        work.ClaimIdempotencyKey(RecordIdScope, record.RecordId, member, options.Value.RecordIdRetention);
                    }
                }
                if (last.Sequence != head.Sequence) ChainStore.PutHead(work, last, headVersion);
                batch.AdvanceWithin(work);

                var result = await store.CommitAsync(work, cancellationToken);
                if (result is Committed committed)
                {
                    CheckPositions(committed, head);
                    metrics.Chained(source.Service, fresh.Count, entries.Count - fresh.Count, last);
                    metrics.Flagged(fresh.Where(f => f.Record is not null).Select(f => f.Record!));
                    AccessLogTracing.Chained(source.Service, fresh.Select(f => f.Record), started);
                    return fresh.Count;
                }
                if (result is VersionConflict { Collection: VersionConflict.ConsumerPositionCollection })
                {
                    // Another instance handled this batch: its commit holds the entries.
                    LogHandledElsewhere(source.Service, batch.AfterPosition);
                    return 0;
                }
                // Another instance chained first (head moved) or claimed one of the record ids:
                // read again and rebuild the batch on the new head.
                if (attempt >= MaxAttempts)
                {
                    throw new InvalidOperationException($"Chaining from {source.Service} kept conflicting ({result.GetType().Name}).");
                }
                LogRetry(source.Service, result.GetType().Name, attempt);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // Drops records already chained (their id is claimed) and repeats within the batch.
    private async Task<List<(ReadOnlyMemory<byte> Payload, AccessRecord? Record)>> WithoutDuplicatesAsync(
        IReadOnlyList<(ReadOnlyMemory<byte> Payload, AccessRecord? Record)> parsed, CancellationToken cancellationToken)
    {
        var ids = parsed.Where(p => p.Record is { RecordId.Length: > 0 }).Select(p => p.Record!.RecordId).Distinct().ToList();
        var known = await Task.WhenAll(ids.Select(id => store.GetIdempotentResultAsync(RecordIdScope, id, cancellationToken)));
        var seen = new HashSet<string>(ids.Where((_, i) => known[i] is not null), StringComparer.Ordinal);

        var fresh = new List<(ReadOnlyMemory<byte>, AccessRecord?)>(parsed.Count);
        foreach (var (payload, record) in parsed)
        {
            if (record is { RecordId.Length: > 0 } && !seen.Add(record.RecordId)) continue;
            fresh.Add((payload, record));
        }
        return fresh;
    }

    // Entry n must sit at position n. Only a write to the chain that bypassed the head could break
    // that; verification reports where, this says when.
    private void CheckPositions(Committed committed, ChainPosition head)
    {
        var first = committed.Appended.FirstOrDefault(a => a.Channel == ChainStore.ChannelName);
        if (first is not null && first.Position != head.Sequence + 1) LogPositionsDiverged(head.Sequence + 1, first.Position);
    }

    private AccessRecord? TryParse(ChannelAddress source, ChannelEntry entry)
    {
        try
        {
            return AccessRecord.Parser.ParseFrom(entry.Payload.Span);
        }
        catch (InvalidProtocolBufferException)
        {
            // Chained anyway (it is evidence), but it cannot be indexed.
            metrics.Malformed(source.Service);
            LogMalformed(source.Service, entry.Position);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access record at {Source} audit position {Position} is not an AccessRecord; chained unindexed")]
    private partial void LogMalformed(string source, long position);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Access log chain entry {Sequence} was stored at position {Position}: the chain was written around its head")]
    private partial void LogPositionsDiverged(long sequence, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access records of {Source} after {Position} were chained by another instance")]
    private partial void LogHandledElsewhere(string source, long position);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chaining from {Source} retried after {Result} (attempt {Attempt})")]
    private partial void LogRetry(string source, string result, int attempt);
}
