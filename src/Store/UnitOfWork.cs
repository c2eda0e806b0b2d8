namespace Samverkan.Store;

// Everything one business operation writes: document changes with their expected versions,
// index updates, channel appends (integration events, audit records, feeds) and an idempotency
// key. Built in memory, applied by IDocumentStore.CommitAsync as one MULTI/EXEC.
public sealed class UnitOfWork
{
    private readonly List<StoreOperation> _operations = [];

    public IReadOnlyList<StoreOperation> Operations => _operations;

    // Create (expectedVersion 0: the document must not exist, or was deleted) or replace (the version
    // read). The stored version becomes expectedVersion + 1; a re-created document continues after the
    // version it was deleted at.
    public UnitOfWork Put(string collection, string id, ReadOnlyMemory<byte> data, long expectedVersion)
    {
        ValidateDocument(collection, id, expectedVersion, minimum: 0);
        _operations.Add(new PutDocument(collection, id, data, expectedVersion));
        return this;
    }

    // Deletes the document, which must exist at expectedVersion. Its data is removed; its version is
    // kept as a tombstone (read as absent), so a later Put with expectedVersion 0 re-creates it at
    // expectedVersion + 1 and a stale version of the old document can never match the new one.
    public UnitOfWork Delete(string collection, string id, long expectedVersion)
    {
        ValidateDocument(collection, id, expectedVersion, minimum: 1);
        _operations.Add(new DeleteDocument(collection, id, expectedVersion));
        return this;
    }

    public UnitOfWork Index(string index, string member, double score)
    {
        StoreNames.LastSegment(index, "index name");
        ArgumentException.ThrowIfNullOrEmpty(member);
        _operations.Add(new AddToIndex(index, member, score));
        return this;
    }

    public UnitOfWork Unindex(string index, string member)
    {
        StoreNames.LastSegment(index, "index name");
        ArgumentException.ThrowIfNullOrEmpty(member);
        _operations.Add(new RemoveFromIndex(index, member));
        return this;
    }

    // Appends an entry to an append-only channel of this keyspace. Its position is assigned at commit.
    public UnitOfWork Append(string channel, ReadOnlyMemory<byte> payload)
    {
        StoreNames.Segment(channel, "channel name");
        _operations.Add(new AppendToChannel(channel, payload));
        return this;
    }

    // Claims an idempotency key for this commit; a retry with the same key finds resultId instead
    // of writing twice. Keys expire after retention (default 7 days).
    public UnitOfWork ClaimIdempotencyKey(string scope, string key, string resultId, TimeSpan? retention = null)
    {
        StoreNames.Segment(scope, "idempotency scope");
        StoreNames.LastSegment(key, "idempotency key");
        ArgumentException.ThrowIfNullOrEmpty(resultId);
        if (retention is { } r && r <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), "Retention must be positive.");
        }
        if (_operations.OfType<ClaimIdempotency>().Any(c => c.Scope == scope && c.Key == key))
        {
            throw new InvalidOperationException($"Idempotency key {scope}/{key} is already claimed in this unit of work.");
        }
        _operations.Add(new ClaimIdempotency(scope, key, resultId, retention ?? TimeSpan.FromDays(7)));
        return this;
    }

    // Moves a consumer's position on a channel of another keyspace forward, in the same commit as the
    // effects of handling the entries (exactly-once effects for consumers that write to the store).
    // With expectedPosition (the position the batch was read after) the commit is rejected with a
    // VersionConflict if the position moved meanwhile, e.g. because a second instance of the consumer
    // handled the same entries; that is what makes the effects exactly-once. Without it the position
    // may only move forward (a commit that would move it back is a VersionConflict).
    public UnitOfWork AdvanceConsumer(ChannelAddress channel, string consumer, long position, long? expectedPosition = null)
    {
        StoreNames.Segment(channel.Service, "channel service");
        StoreNames.Segment(channel.Channel, "channel name");
        StoreNames.LastSegment(consumer, "consumer name");
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (expectedPosition is { } expected && (expected < 0 || expected > position))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedPosition), "The expected position is between 0 and the new position.");
        }
        if (_operations.OfType<AdvanceConsumerPosition>().Any(a => a.Channel == channel && a.Consumer == consumer))
        {
            throw new InvalidOperationException($"Consumer {consumer} on {channel.Service}/{channel.Channel} is already advanced in this unit of work.");
        }
        _operations.Add(new AdvanceConsumerPosition(channel, consumer, position, expectedPosition));
        return this;
    }

    private void ValidateDocument(string collection, string id, long expectedVersion, long minimum)
    {
        StoreNames.Segment(collection, "collection");
        StoreNames.LastSegment(id, "document id");
        if (expectedVersion < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), $"The expected version of {collection}/{id} must be at least {minimum}.");
        }
        // One commit reads each document once; two changes to one document would make the version meaningless.
        if (_operations.Any(o => o is PutDocument p && p.Collection == collection && p.Id == id
                              || o is DeleteDocument d && d.Collection == collection && d.Id == id))
        {
            throw new InvalidOperationException($"Document {collection}/{id} is already changed in this unit of work.");
        }
    }
}

public abstract record StoreOperation;
public sealed record PutDocument(string Collection, string Id, ReadOnlyMemory<byte> Data, long ExpectedVersion) : StoreOperation;
public sealed record DeleteDocument(string Collection, string Id, long ExpectedVersion) : StoreOperation;
public sealed record AddToIndex(string Index, string Member, double Score) : StoreOperation;
public sealed record RemoveFromIndex(string Index, string Member) : StoreOperation;
public sealed record AppendToChannel(string Channel, ReadOnlyMemory<byte> Payload) : StoreOperation;
public sealed record ClaimIdempotency(string Scope, string Key, string ResultId, TimeSpan Retention) : StoreOperation;
public sealed record AdvanceConsumerPosition(ChannelAddress Channel, string Consumer, long Position, long? ExpectedPosition = null) : StoreOperation;
