namespace Samverkan.Store;

// A service's view of the Redis-protocol store. Every key it touches lives in the service's own
// keyspace ("{service}:..."), one hash tag per service, so a commit that touches documents,
// indexes, channels and idempotency keys together is a single-slot MULTI/EXEC that stays valid on
// a Redis Cluster. Only the common atomic subset of Redis 7 and Garnet is used: WATCH/MULTI/EXEC,
// strings, hashes, sorted sets, lists, expiry, pub/sub (no Streams, no Lua).
public interface IDocumentStore
{
    StoreKeyspace Keyspace { get; }

    // The current version of a document, or null when it does not exist or was deleted.
    Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredDocument>> GetManyAsync(string collection, IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    // Members of a sorted-set index, by score range (inclusive), ascending unless descending.
    Task<IReadOnlyList<IndexEntry>> QueryIndexAsync(string index, double minScore, double maxScore, int skip, int take,
        bool descending = false, CancellationToken cancellationToken = default);

    // How many members an index has (metrics: e.g. plans per organisation and state).
    Task<long> CountIndexAsync(string index, CancellationToken cancellationToken = default);

    // The result stored under an idempotency key by an earlier commit, or null.
    Task<string?> GetIdempotentResultAsync(string scope, string key, CancellationToken cancellationToken = default);

    // Applies every operation of the unit of work atomically and durably, or none of them.
    // Optimistic: a document whose version moved since the caller read it, or an idempotency key
    // already claimed, rejects the whole commit (see CommitResult). Transient WATCH races with
    // writers of unrelated keys are retried internally.
    Task<CommitResult> CommitAsync(UnitOfWork work, CancellationToken cancellationToken = default);
}

public sealed record StoredDocument(string Collection, string Id, long Version, ReadOnlyMemory<byte> Data);

public sealed record IndexEntry(string Member, double Score);
