namespace Samverkan.Store;

// Everything one business operation writes: document changes with their expected versions,
// index updates, channel appends (integration events, audit records, feeds) and an idempotency
// key. Built in memory, applied by IDocumentStore.CommitAsync as one MULTI/EXEC.
public sealed class UnitOfWork
{
    private readonly List<StoreOperation> _operations = [];

    public IReadOnlyList<StoreOperation> Operations => _operations;

    // Create (expectedVersion 0: the document must not exist) or replace (the version read).
    // The stored version becomes expectedVersion + 1.
    public UnitOfWork Put(string collection, string id, ReadOnlyMemory<byte> data, long expectedVersion)
    {
        _operations.Add(new PutDocument(collection, id, data, expectedVersion));
        return this;
    }

    public UnitOfWork Delete(string collection, string id, long expectedVersion)
    {
        _operations.Add(new DeleteDocument(collection, id, expectedVersion));
        return this;
    }

    public UnitOfWork Index(string index, string member, double score)
    {
        _operations.Add(new AddToIndex(index, member, score));
        return this;
    }

    public UnitOfWork Unindex(string index, string member)
    {
        _operations.Add(new RemoveFromIndex(index, member));
        return this;
    }

    // Appends an entry to an append-only channel of this keyspace. Its position is assigned at commit.
    public UnitOfWork Append(string channel, ReadOnlyMemory<byte> payload)
    {
        _operations.Add(new AppendToChannel(channel, payload));
        return this;
    }

    // Claims an idempotency key for this commit; a retry with the same key finds resultId instead
    // of writing twice. Keys expire after retention (default 7 days).
    public UnitOfWork ClaimIdempotencyKey(string scope, string key, string resultId, TimeSpan? retention = null)
    {
        _operations.Add(new ClaimIdempotency(scope, key, resultId, retention ?? TimeSpan.FromDays(7)));
        return this;
    }

    // Moves a consumer's position on a channel of another keyspace forward, in the same commit as the
    // effects of handling the entries (exactly-once effects for consumers that write to the store).
    public UnitOfWork AdvanceConsumer(ChannelAddress channel, string consumer, long position)
    {
        _operations.Add(new AdvanceConsumerPosition(channel, consumer, position));
        return this;
    }
}

public abstract record StoreOperation;
public sealed record PutDocument(string Collection, string Id, ReadOnlyMemory<byte> Data, long ExpectedVersion) : StoreOperation;
public sealed record DeleteDocument(string Collection, string Id, long ExpectedVersion) : StoreOperation;
public sealed record AddToIndex(string Index, string Member, double Score) : StoreOperation;
public sealed record RemoveFromIndex(string Index, string Member) : StoreOperation;
public sealed record AppendToChannel(string Channel, ReadOnlyMemory<byte> Payload) : StoreOperation;
public sealed record ClaimIdempotency(string Scope, string Key, string ResultId, TimeSpan Retention) : StoreOperation;
public sealed record AdvanceConsumerPosition(ChannelAddress Channel, string Consumer, long Position) : StoreOperation;
