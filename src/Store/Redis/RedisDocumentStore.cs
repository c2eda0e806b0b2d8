using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// IDocumentStore over StackExchange.Redis, for Redis 7 and Garnet alike (see RedisCommit). Reads and
// unchecked commits use the shared connection; checked commits use connections of their own, opened
// from the shared connection's configuration (CommitConnectionPool), which Dispose closes.
public sealed class RedisDocumentStore : IDocumentStore, IAsyncDisposable, IDisposable
{
    private readonly IConnectionMultiplexer _connection;
    private readonly StoreKeyspace _keyspace;
    private readonly CommitConnectionPool _commitConnections;
    private readonly RedisCommit _commit;

    public RedisDocumentStore(IConnectionMultiplexer connection, StoreKeyspace keyspace)
        : this(connection, keyspace, new DocumentStoreOptions())
    {
    }

    public RedisDocumentStore(IConnectionMultiplexer connection, StoreKeyspace keyspace, DocumentStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keyspace);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _connection = connection;
        _keyspace = keyspace;
        _commitConnections = new CommitConnectionPool(
            CommitConnectionPool.OptionsFrom(ConfigurationOptions.Parse(connection.Configuration)), options.CommitConnections);
        _commit = new RedisCommit(connection, keyspace, _commitConnections);
    }

    public StoreKeyspace Keyspace => _keyspace;

    public async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var fields = await _connection.GetDatabase().HashGetAsync(_keyspace.Document(collection, id), DocumentFields.Both);
        return ToDocument(collection, id, fields);
    }

    // Missing and deleted documents are left out; the others come in the order of ids. Each document is read
    // consistently (version and data together); the set as a whole is not a snapshot.
    public async Task<IReadOnlyList<StoredDocument>> GetManyAsync(string collection, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var db = _connection.GetDatabase();
        var reads = ids.Select(id => db.HashGetAsync(_keyspace.Document(collection, id), DocumentFields.Both)).ToArray();
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
        var entries = await _connection.GetDatabase().SortedSetRangeByScoreWithScoresAsync(
            _keyspace.Index(index), minScore, maxScore, Exclude.None, descending ? Order.Descending : Order.Ascending, skip, take);
        return entries.Select(e => new IndexEntry(e.Element.ToString(), e.Score)).ToArray();
    }

    public Task<long> CountIndexAsync(string index, CancellationToken cancellationToken = default) =>
        _connection.GetDatabase().SortedSetLengthAsync(_keyspace.Index(index)).WaitAsync(cancellationToken);

    public async Task<string?> GetIdempotentResultAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var value = await _connection.GetDatabase().StringGetAsync(_keyspace.Idempotency(scope, key));
        return value.IsNull ? null : value.ToString();
    }

    public Task<CommitResult> CommitAsync(UnitOfWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _commit.ExecuteAsync(work, cancellationToken);
    }

    public ValueTask DisposeAsync() => _commitConnections.DisposeAsync();

    public void Dispose() => _commitConnections.Dispose();

    // Absent and deleted (tombstone) documents alike are null.
    private static StoredDocument? ToDocument(string collection, string id, RedisValue[] fields) =>
        DocumentVersion.Parse(fields[0]) is { Exists: true } version
            ? new StoredDocument(collection, id, version.Version, (byte[])fields[1]!)
            : null;
}
