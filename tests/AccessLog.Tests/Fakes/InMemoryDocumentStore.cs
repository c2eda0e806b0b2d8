using Samverkan.Store;

namespace Samverkan.AccessLog.Tests.Fakes;

public sealed class InMemoryDocumentStore(InMemoryStoreServer server, StoreKeyspace keyspace) : IDocumentStore, IChannelReader
{
    public StoreKeyspace Keyspace { get; } = keyspace;

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            return Task.FromResult(server.Documents.TryGetValue(Keyspace.Document(collection, id), out var d)
                ? new StoredDocument(collection, id, d.Version, d.Data)
                : null);
        }
    }

    public async Task<IReadOnlyList<StoredDocument>> GetManyAsync(string collection, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var result = new List<StoredDocument>();
        foreach (var id in ids)
        {
            if (await GetAsync(collection, id, cancellationToken) is { } document) result.Add(document);
        }
        return result;
    }

    public Task<long> CountIndexAsync(string index, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            return Task.FromResult(server.Indexes.TryGetValue(Keyspace.Index(index), out var set) ? (long)set.Count : 0L);
        }
    }

    public Task<IReadOnlyList<IndexEntry>> QueryIndexAsync(string index, double minScore, double maxScore, int skip, int take,
        bool descending = false, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            if (!server.Indexes.TryGetValue(Keyspace.Index(index), out var set)) return Task.FromResult<IReadOnlyList<IndexEntry>>([]);
            var inRange = set.Where(p => p.Value >= minScore && p.Value <= maxScore).Select(p => new IndexEntry(p.Key, p.Value));
            var ordered = descending
                ? inRange.OrderByDescending(e => e.Score).ThenByDescending(e => e.Member, StringComparer.Ordinal)
                : inRange.OrderBy(e => e.Score).ThenBy(e => e.Member, StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<IndexEntry>>(ordered.Skip(skip).Take(take).ToList());
        }
    }

    public Task<string?> GetIdempotentResultAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            return Task.FromResult(server.Idempotency.GetValueOrDefault(Keyspace.Idempotency(scope, key)));
        }
    }

    public Task<CommitResult> CommitAsync(UnitOfWork work, CancellationToken cancellationToken = default)
    {
        if (server.FailCommitsWith is { } failure) throw failure;
        lock (server.Gate)
        {
            foreach (var operation in work.Operations)
            {
                switch (operation)
                {
                    case PutDocument put when Version(put.Collection, put.Id) != put.ExpectedVersion:
                        return Task.FromResult<CommitResult>(new VersionConflict(put.Collection, put.Id, put.ExpectedVersion, Version(put.Collection, put.Id)));
                    case DeleteDocument delete when Version(delete.Collection, delete.Id) != delete.ExpectedVersion:
                        return Task.FromResult<CommitResult>(new VersionConflict(delete.Collection, delete.Id, delete.ExpectedVersion, Version(delete.Collection, delete.Id)));
                    case ClaimIdempotency claim when server.Idempotency.TryGetValue(Keyspace.Idempotency(claim.Scope, claim.Key), out var existing):
                        return Task.FromResult<CommitResult>(new IdempotencyKeyTaken(claim.Scope, claim.Key, existing));
                    case AdvanceConsumerPosition advance when PositionConflict(advance) is { } conflict:
                        return Task.FromResult<CommitResult>(conflict);
                }
            }

            foreach (var operation in work.Operations)
            {
                switch (operation)
                {
                    case PutDocument put:
                        server.Documents[Keyspace.Document(put.Collection, put.Id)] = (put.ExpectedVersion + 1, put.Data.ToArray());
                        break;
                    case DeleteDocument delete:
                        server.Documents.Remove(Keyspace.Document(delete.Collection, delete.Id));
                        break;
                    case AddToIndex add:
                        Index(add.Index)[add.Member] = add.Score;
                        break;
                    case RemoveFromIndex remove:
                        Index(remove.Index).Remove(remove.Member);
                        break;
                    case AppendToChannel append:
                        server.Channel(Keyspace.Service, append.Channel).Add(append.Payload.ToArray());
                        break;
                    case ClaimIdempotency claim:
                        server.Idempotency[Keyspace.Idempotency(claim.Scope, claim.Key)] = claim.ResultId;
                        break;
                    case AdvanceConsumerPosition advance:
                        server.Positions[Keyspace.ConsumerPosition(advance.Channel, advance.Consumer)] = advance.Position;
                        break;
                }
            }
            server.CountCommit();
            return Task.FromResult<CommitResult>(new Committed());
        }
    }

    public Task<IReadOnlyList<ChannelEntry>> ReadAsync(ChannelAddress channel, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            var list = server.Channel(channel.Service, channel.Channel);
            return Task.FromResult<IReadOnlyList<ChannelEntry>>(list
                .Select((payload, i) => new ChannelEntry(i + 1, payload))
                .Where(e => e.Position > afterPosition)
                .Take(max)
                .ToList());
        }
    }

    public Task<long> HeadAsync(ChannelAddress channel, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            return Task.FromResult((long)server.Channel(channel.Service, channel.Channel).Count);
        }
    }

    public Task WaitForEntriesAsync(ChannelAddress channel, long afterPosition, TimeSpan maxWait, CancellationToken cancellationToken = default) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(20, maxWait.TotalMilliseconds)), cancellationToken);

    public Task<long> GetConsumerPositionAsync(ChannelAddress channel, string consumer, CancellationToken cancellationToken = default)
    {
        lock (server.Gate)
        {
            return Task.FromResult(server.Positions.GetValueOrDefault(Keyspace.ConsumerPosition(channel, consumer)));
        }
    }

    // As the real store: with an expected position it must match; without, the position only moves forward.
    private VersionConflict? PositionConflict(AdvanceConsumerPosition advance)
    {
        var key = Keyspace.ConsumerPosition(advance.Channel, advance.Consumer);
        var actual = server.Positions.GetValueOrDefault(key);
        var ok = advance.ExpectedPosition is { } expected ? actual == expected : actual <= advance.Position;
        return ok ? null : new VersionConflict(VersionConflict.ConsumerPositionCollection, key, advance.ExpectedPosition ?? advance.Position, actual);
    }

    private long Version(string collection, string id) =>
        server.Documents.TryGetValue(Keyspace.Document(collection, id), out var d) ? d.Version : 0;

    private Dictionary<string, double> Index(string index)
    {
        var key = Keyspace.Index(index);
        if (!server.Indexes.TryGetValue(key, out var set)) server.Indexes[key] = set = new Dictionary<string, double>(StringComparer.Ordinal);
        return set;
    }
}
