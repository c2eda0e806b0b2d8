using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// IDocumentStore over StackExchange.Redis, for Redis 7 and Garnet alike (see RedisCommit).
public sealed class RedisDocumentStore(IConnectionMultiplexer connection, StoreKeyspace keyspace) : IDocumentStore
{
    private readonly RedisCommit _commit = new(connection, keyspace);

    public StoreKeyspace Keyspace => keyspace;

    public async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var fields = await connection.GetDatabase().HashGetAsync(keyspace.Document(collection, id), DocumentFields.Both);
        return ToDocument(collection, id, fields);
    }

    // Missing and deleted documents are left out; the others come in the order of ids. Each document is read
    // consistently (version and data together); the set as a whole is not a snapshot.
    public async Task<IReadOnlyList<StoredDocument>> GetManyAsync(string collection, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var db = connection.GetDatabase();
        var reads = ids.Select(id => db.HashGetAsync(keyspace.Document(collection, id), DocumentFields.Both)).ToArray();
        var results = await Task.WhenAll(reads);
        var documents = new List<StoredDocument>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ToDocument(collection, ids[i], results[i]) is { } document)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    public async Task<IReadOnlyList<IndexEntry>> QueryIndexAsync(string index, double minScore, double maxScore, int skip, int take,
        bool descending = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var entries = await connection.GetDatabase().SortedSetRangeByScoreWithScoresAsync(
            keyspace.Index(index), minScore, maxScore, Exclude.None, descending ? Order.Descending : Order.Ascending, skip, take);
        return entries.Select(e => new IndexEntry(e.Element.ToString(), e.Score)).ToArray();
    }

    public async Task<string?> GetIdempotentResultAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var value = await connection.GetDatabase().StringGetAsync(keyspace.Idempotency(scope, key));
        return value.IsNull ? null : value.ToString();
    }

    public Task<CommitResult> CommitAsync(UnitOfWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _commit.ExecuteAsync(work, cancellationToken);
    }

    // Absent and deleted (tombstone) documents alike are null.
    private static StoredDocument? ToDocument(string collection, string id, RedisValue[] fields) =>
        DocumentVersion.Parse(fields[0]) is { Exists: true } version
            ? new StoredDocument(collection, id, version.Version, (byte[])fields[1]!)
            : null;
}
