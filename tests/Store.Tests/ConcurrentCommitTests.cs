using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.Store.Tests;

// Many optimistic commits from one process at once, through fewer commit connections than callers:
// some on a few shared documents (real conflicts), some on documents of their own (none). Every
// acknowledged commit must be in the store in full, every refused one must have left nothing, and
// every conflict must be reported: the counters equal the acknowledged increments.
public abstract class ConcurrentCommitTests(StoreServerFixture fixture)
{
    private const int SharedCounters = 4;
    private const int WritersPerSharedCounter = 12;
    private const int SoloWriters = 16;
    private const int AttemptsPerWriter = 15;

    [StoreFact]
    public async Task Concurrent_commits_on_shared_and_separate_documents_lose_no_update_and_report_no_phantom_success()
    {
        await using var host = StoreHost.Create(fixture.Server, StoreHost.NewKeyspace(), store: o => o.CommitConnections = 8);
        var counters = Enumerable.Range(0, SharedCounters).Select(i => $"shared-{i}")
            .Concat(Enumerable.Range(0, SoloWriters).Select(i => $"solo-{i}")).ToArray();
        foreach (var counter in counters)
        {
            Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Put("counters", counter, Bytes(0), 0)));
        }
        var writers = Enumerable.Range(0, SharedCounters * WritersPerSharedCounter).Select(w => (Writer: $"w{w}", Counter: $"shared-{w % SharedCounters}"))
            .Concat(Enumerable.Range(0, SoloWriters).Select(w => (Writer: $"s{w}", Counter: $"solo-{w}")))
            .ToArray();
        var acknowledged = new ConcurrentBag<(string Counter, string Attempt, long Position)>();
        var conflicted = new ConcurrentBag<(string Counter, string Attempt)>();

        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
            {
                var id = $"{w.Writer}-{attempt}";
                var current = (await host.Store.GetAsync("counters", w.Counter))!;
                var result = await host.Store.CommitAsync(new UnitOfWork()
                    .Put("counters", w.Counter, Bytes(Value(current) + 1), current.Version)
                    .Index("increments-by-counter", id, current.Version)
                    .Append("increments", Encoding.UTF8.GetBytes(id))
                    .ClaimIdempotencyKey("increment", id, w.Counter));
                switch (result)
                {
                    case Committed committed:
                        acknowledged.Add((w.Counter, id, committed.Appended.Single().Position));
                        break;
                    case VersionConflict conflict:
                        Assert.Equal(("counters", w.Counter, current.Version), (conflict.Collection, conflict.Id, conflict.ExpectedVersion));
                        Assert.True(conflict.ActualVersion > current.Version, $"A conflict must report a newer version ({conflict}).");
                        conflicted.Add((w.Counter, id));
                        break;
                    default:
                        Assert.Fail($"Unexpected result {result}.");
                        break;
                }
            }
        })));

        // No lost update: each counter holds exactly its acknowledged increments, one version each.
        foreach (var counter in counters)
        {
            var stored = (await host.Store.GetAsync("counters", counter))!;
            var increments = acknowledged.Count(a => a.Counter == counter);
            Assert.Equal(increments, Value(stored));
            Assert.Equal(increments + 1, stored.Version);
        }
        // Documents of their own never conflict; the shared ones did (the test exercised contention).
        Assert.DoesNotContain(conflicted, c => c.Counter.StartsWith("solo-", StringComparison.Ordinal));
        Assert.Equal(SoloWriters * AttemptsPerWriter, acknowledged.Count(a => a.Counter.StartsWith("solo-", StringComparison.Ordinal)));
        Assert.NotEmpty(conflicted);
        Assert.Equal(writers.Length * AttemptsPerWriter, acknowledged.Count + conflicted.Count);

        // No phantom success and nothing half-written: the channel, index and idempotency keys hold
        // exactly the acknowledged attempts, at the positions their commits reported.
        var entries = await host.Reader.ReadAsync(new ChannelAddress(host.Store.Keyspace.Service, "increments"), 0, 10_000);
        Assert.Equal(
            acknowledged.Select(a => (a.Position, a.Attempt)).Order(),
            entries.Select(e => (e.Position, Encoding.UTF8.GetString(e.Payload.Span))).Order());
        Assert.Equal(Enumerable.Range(1, acknowledged.Count).Select(i => (long)i), entries.Select(e => e.Position));
        var indexed = await host.Store.QueryIndexAsync("increments-by-counter", double.MinValue, double.MaxValue, 0, 10_000);
        Assert.Equal(acknowledged.Select(a => a.Attempt).Order(), indexed.Select(i => i.Member).Order());
        foreach (var (counter, attempt, _) in acknowledged)
        {
            Assert.Equal(counter, await host.Store.GetIdempotentResultAsync("increment", attempt));
        }
        foreach (var (_, attempt) in conflicted)
        {
            Assert.Null(await host.Store.GetIdempotentResultAsync("increment", attempt));
        }
    }

    [StoreFact]
    public async Task A_retried_commit_racing_its_original_is_applied_once()
    {
        await using var host = StoreHost.Create(fixture.Server, StoreHost.NewKeyspace(), store: o => o.CommitConnections = 4);

        // The same request sent 16 times at once (a client retrying over a flaky network): one commit wins.
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => host.Store.CommitAsync(new UnitOfWork()
            .Put("notices", $"n{i}", Bytes(i), 0)
            .Append("events", Bytes(i))
            .ClaimIdempotencyKey("create-notice", "request-1", $"n{i}"))));

        var winner = Assert.Single(results.OfType<Committed>());
        var winnerId = await host.Store.GetIdempotentResultAsync("create-notice", "request-1");
        Assert.All(results.Where(r => r is not Committed), r => Assert.Equal(new IdempotencyKeyTaken("create-notice", "request-1", winnerId!), r));
        Assert.Single(await host.Store.GetManyAsync("notices", Enumerable.Range(0, 16).Select(i => $"n{i}").ToArray()));
        Assert.Equal(1, await host.Reader.HeadAsync(new ChannelAddress(host.Store.Keyspace.Service, "events")));
        Assert.Equal(1, winner.Appended.Single().Position);
    }

    [StoreFact]
    public async Task Checked_commits_use_at_most_the_configured_connections_and_disposal_closes_them()
    {
        var keyspace = StoreHost.NewKeyspace();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString + ",allowAdmin=true");
        var host = StoreHost.Create(fixture.Server, keyspace, store: o => o.CommitConnections = 3);
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                host.Store.CommitAsync(new UnitOfWork().Put("docs", $"d{i}", Bytes(i), 0))));
            Assert.All(results, r => Assert.IsType<Committed>(r));

            var open = await CommitClientsAsync(admin, keyspace);
            Assert.InRange(open, 1, 3);
        }
        finally
        {
            await host.DisposeAsync();
        }
        await Eventually.TrueAsync(async () => await CommitClientsAsync(admin, keyspace) == 0, "the commit connections were closed");
    }

    // Connections named "<keyspace>-commit" (CommitConnectionPool) in CLIENT LIST.
    private static async Task<int> CommitClientsAsync(IConnectionMultiplexer admin, string keyspace)
    {
        var list = (string)(await admin.GetDatabase().ExecuteAsync("CLIENT", "LIST"))!;
        return list.Split('\n').Count(line => line.Contains($" name={keyspace}-commit ", StringComparison.Ordinal));
    }

    private static ReadOnlyMemory<byte> Bytes(long value) => Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    private static long Value(StoredDocument document) => long.Parse(Encoding.UTF8.GetString(document.Data.Span), CultureInfo.InvariantCulture);
}

[StoreKind(StoreKind.Redis)]
public sealed class RedisConcurrentCommitTests(RedisStoreFixture fixture)
    : ConcurrentCommitTests(fixture), IClassFixture<RedisStoreFixture>;

[StoreKind(StoreKind.Garnet)]
public sealed class GarnetConcurrentCommitTests(GarnetStoreFixture fixture)
    : ConcurrentCommitTests(fixture), IClassFixture<GarnetStoreFixture>;
