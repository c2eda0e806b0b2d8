using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.Store.Consumers;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.Store.Tests;

// The store building block's contract, run against every store we ship (RedisStoreConformanceTests,
// GarnetStoreConformanceTests). Each test uses fresh keyspaces on the shared server of its class.
public abstract class StoreConformanceTests(StoreServerFixture fixture)
{
    private StoreServer Server => fixture.Server;

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [StoreFact]
    public async Task Create_then_replace_moves_the_version_by_one()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());

        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("first"), 0)));
        var created = await host.Store.GetAsync("plans", "p1");
        Assert.Equal(1, created!.Version);
        Assert.Equal("first", Text(created.Data));

        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("second"), created.Version)));
        var replaced = await host.Store.GetAsync("plans", "p1");
        Assert.Equal(2, replaced!.Version);
        Assert.Equal("second", Text(replaced.Data));

        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Delete("plans", "p1", 2)));
        Assert.Null(await host.Store.GetAsync("plans", "p1"));
    }

    [StoreFact]
    public async Task Stale_write_is_a_version_conflict_and_writes_nothing()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        var consumerChannel = new ChannelAddress("other", "events");
        await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("v1"), 0));
        await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("v2"), 1));

        var stale = new UnitOfWork()
            .Put("plans", "new", Bytes("must not appear"), 0)
            .Put("plans", "p1", Bytes("stale"), 1)
            .Index("plans-by-date", "p1", 20260101)
            .Append("events", Bytes("must not appear"))
            .ClaimIdempotencyKey("create-plan", "k1", "p1")
            .AdvanceConsumer(consumerChannel, "c", 5);
        var result = await host.Store.CommitAsync(stale);

        Assert.Equal(new VersionConflict("plans", "p1", 1, 2), result);
        Assert.Equal("v2", Text((await host.Store.GetAsync("plans", "p1"))!.Data));
        Assert.Null(await host.Store.GetAsync("plans", "new"));
        Assert.Empty(await host.Store.QueryIndexAsync("plans-by-date", double.MinValue, double.MaxValue, 0, 10));
        Assert.Equal(0, await host.Reader.HeadAsync(new ChannelAddress(host.Store.Keyspace.Service, "events")));
        Assert.Null(await host.Store.GetIdempotentResultAsync("create-plan", "k1"));
        Assert.Equal(0, await host.Reader.GetConsumerPositionAsync(consumerChannel, "c"));
    }

    [StoreFact]
    public async Task Creating_an_existing_document_or_deleting_a_moved_one_is_a_conflict()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("v1"), 0));

        Assert.Equal(new VersionConflict("plans", "p1", 0, 1), await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("again"), 0)));
        Assert.Equal(new VersionConflict("plans", "p1", 3, 1), await host.Store.CommitAsync(new UnitOfWork().Delete("plans", "p1", 3)));
        Assert.Equal(new VersionConflict("plans", "gone", 1, 0), await host.Store.CommitAsync(new UnitOfWork().Put("plans", "gone", Bytes("x"), 1)));
        Assert.Equal("v1", Text((await host.Store.GetAsync("plans", "p1"))!.Data));
    }

    [StoreFact]
    public async Task A_deleted_document_reads_as_absent_and_its_data_is_gone()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("v1"), 0).Put("plans", "p2", Bytes("kept"), 0));

        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Delete("plans", "p1", 1)));

        Assert.Null(await host.Store.GetAsync("plans", "p1"));
        Assert.Equal(["p2"], (await host.Store.GetManyAsync("plans", ["p1", "p2"])).Select(d => d.Id));
        var connection = host.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.False(await connection.GetDatabase().HashExistsAsync(host.Store.Keyspace.Document("plans", "p1"), "d"));
        // Deleted is absent to writers too: neither a replace nor a second delete of the old version.
        Assert.Equal(new VersionConflict("plans", "p1", 1, 0), await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("x"), 1)));
        Assert.Equal(new VersionConflict("plans", "p1", 1, 0), await host.Store.CommitAsync(new UnitOfWork().Delete("plans", "p1", 1)));
        Assert.Null(await host.Store.GetAsync("plans", "p1"));
    }

    [StoreFact]
    public async Task A_re_created_document_continues_the_version_so_a_stale_version_of_the_old_one_is_rejected()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("old 1"), 0));
        await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("old 2"), 1));
        await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("old 3"), 2));
        var stale = (await host.Store.GetAsync("locks", "patient"))!; // a client keeps version 3 of the old document
        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Delete("locks", "patient", 3)));

        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("new 1"), 0)));
        var recreated = (await host.Store.GetAsync("locks", "patient"))!;
        Assert.Equal(4, recreated.Version);
        Assert.Equal("new 1", Text(recreated.Data));
        Assert.Equal(new VersionConflict("locks", "patient", 0, 4), await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("again"), 0)));
        await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("new 2"), 4));
        await host.Store.CommitAsync(new UnitOfWork().Put("locks", "patient", Bytes("new 3"), 5));

        // Without the kept version the new document would be at 3 again and this write would win (ABA).
        var result = await host.Store.CommitAsync(new UnitOfWork()
            .Put("locks", "patient", Bytes("stale"), stale.Version)
            .Append("events", Bytes("must not appear")));

        Assert.Equal(new VersionConflict("locks", "patient", 3, 6), result);
        Assert.Equal("new 3", Text((await host.Store.GetAsync("locks", "patient"))!.Data));
        Assert.Equal(0, await host.Reader.HeadAsync(new ChannelAddress(host.Store.Keyspace.Service, "events")));
    }

    [StoreFact]
    public async Task A_delete_racing_a_replace_lets_exactly_one_win_and_a_re_create_after_it_still_continues()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("v1"), 0));

        var results = await Task.WhenAll(
            host.Store.CommitAsync(new UnitOfWork().Delete("plans", "p1", 1)),
            host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("v2"), 1)));

        Assert.Single(results, r => r is Committed);
        Assert.Single(results, r => r is VersionConflict);
        var afterRace = await host.Store.GetAsync("plans", "p1");
        var expectedNext = afterRace is null ? 2 : 3; // deleted at 1 → re-created at 2; replaced to 2 → deleted at 2 → re-created at 3
        if (afterRace is not null)
        {
            Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Delete("plans", "p1", afterRace.Version)));
        }
        Assert.IsType<Committed>(await host.Store.CommitAsync(new UnitOfWork().Put("plans", "p1", Bytes("again"), 0)));
        Assert.Equal(expectedNext, (await host.Store.GetAsync("plans", "p1"))!.Version);
    }

    [StoreFact]
    public async Task A_claimed_idempotency_key_makes_the_retry_write_nothing_and_return_the_first_result()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());

        var first = await host.Store.CommitAsync(new UnitOfWork()
            .Put("notices", "n1", Bytes("first"), 0)
            .Append("events", Bytes("created n1"))
            .ClaimIdempotencyKey("create-notice", "request-42", "n1"));
        var retry = await host.Store.CommitAsync(new UnitOfWork()
            .Put("notices", "n2", Bytes("second"), 0)
            .Append("events", Bytes("created n2"))
            .ClaimIdempotencyKey("create-notice", "request-42", "n2"));

        Assert.IsType<Committed>(first);
        Assert.Equal(new IdempotencyKeyTaken("create-notice", "request-42", "n1"), retry);
        Assert.Null(await host.Store.GetAsync("notices", "n2"));
        Assert.Equal(1, await host.Reader.HeadAsync(new ChannelAddress(host.Store.Keyspace.Service, "events")));
        Assert.Equal("n1", await host.Store.GetIdempotentResultAsync("create-notice", "request-42"));
    }

    [StoreFact]
    public async Task Concurrent_read_modify_write_loses_no_update_and_appends_get_distinct_positions()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        await host.Store.CommitAsync(new UnitOfWork().Put("counters", "c", Bytes("0"), 0));
        const int writers = 16;
        var conflicts = 0;

        var positions = await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            while (true)
            {
                var current = (await host.Store.GetAsync("counters", "c"))!;
                var next = int.Parse(Text(current.Data), System.Globalization.CultureInfo.InvariantCulture) + 1;
                var result = await host.Store.CommitAsync(new UnitOfWork()
                    .Put("counters", "c", Bytes(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), current.Version)
                    .Append("increments", Bytes($"writer {writer}")));
                if (result is Committed committed)
                {
                    return committed.Appended.Single().Position;
                }
                Assert.IsType<VersionConflict>(result);
                Interlocked.Increment(ref conflicts);
            }
        }));

        var counter = (await host.Store.GetAsync("counters", "c"))!;
        Assert.Equal(writers.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(counter.Data));
        Assert.Equal(writers + 1, counter.Version);
        Assert.Equal(Enumerable.Range(1, writers).Select(i => (long)i), positions.Order());
        var entries = await host.Reader.ReadAsync(new ChannelAddress(host.Store.Keyspace.Service, "increments"), 0, 100);
        Assert.Equal(positions.Order(), entries.Select(e => e.Position));
    }

    [StoreFact]
    public async Task Indexes_are_queried_by_score_with_paging()
    {
        await using var host = StoreHost.Create(Server, StoreHost.NewKeyspace());
        var work = new UnitOfWork();
        for (var i = 1; i <= 5; i++)
        {
            work.Index("due", $"n{i}", i * 10);
        }
        await host.Store.CommitAsync(work);
        await host.Store.CommitAsync(new UnitOfWork().Unindex("due", "n3"));

        var page = await host.Store.QueryIndexAsync("due", 15, 100, skip: 1, take: 2);
        Assert.Equal([new IndexEntry("n4", 40), new IndexEntry("n5", 50)], page);
        var newest = await host.Store.QueryIndexAsync("due", double.NegativeInfinity, double.PositiveInfinity, 0, 1, descending: true);
        Assert.Equal([new IndexEntry("n5", 50)], newest);
    }

    [StoreFact]
    public async Task Channel_positions_are_absolute_across_trims()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        await using var consumer = StoreHost.Create(Server, StoreHost.NewKeyspace("c"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");

        var first = (Committed)await producer.Store.CommitAsync(new UnitOfWork()
            .Append("events", Bytes("e1")).Append("audit", Bytes("a1")).Append("events", Bytes("e2")));
        Assert.Equal([new AppendedEntry("events", 1), new AppendedEntry("audit", 1), new AppendedEntry("events", 2)], first.Appended);
        for (var i = 3; i <= 5; i++)
        {
            await producer.Store.CommitAsync(new UnitOfWork().Append("events", Bytes($"e{i}")));
        }

        await consumer.Consumers.RegisterAsync(channel, "reader");
        await consumer.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "reader", 3));
        Assert.Equal(3, await producer.Trimmer.TrimAsync("events"));

        var later = (Committed)await producer.Store.CommitAsync(new UnitOfWork().Append("events", Bytes("e6")).Append("events", Bytes("e7")));
        Assert.Equal([6L, 7L], later.Appended.Select(a => a.Position));
        Assert.Equal(7, await producer.Reader.HeadAsync(channel));

        var rest = await consumer.Reader.ReadAsync(channel, 3, 100);
        Assert.Equal([4L, 5L, 6L, 7L], rest.Select(e => e.Position));
        Assert.Equal(["e4", "e5", "e6", "e7"], rest.Select(e => Text(e.Payload)));
        Assert.Equal(["e6"], (await consumer.Reader.ReadAsync(channel, 5, 1)).Select(e => Text(e.Payload)));
        Assert.Empty(await consumer.Reader.ReadAsync(channel, 7, 10));
        var trimmed = await Assert.ThrowsAsync<ChannelTrimmedException>(() => consumer.Reader.ReadAsync(channel, 2, 10));
        Assert.Equal(4, trimmed.OldestAvailable);
    }

    [StoreFact]
    public async Task Trimming_never_removes_what_a_registered_consumer_has_not_passed()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        await using var fast = StoreHost.Create(Server, StoreHost.NewKeyspace("c"));
        await using var slow = StoreHost.Create(Server, StoreHost.NewKeyspace("c"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        for (var i = 1; i <= 10; i++)
        {
            await producer.Store.CommitAsync(new UnitOfWork().Append("events", Bytes($"e{i}")));
        }

        Assert.Equal(0, await producer.Trimmer.TrimAsync("events")); // no consumer registered: keep everything
        await fast.Consumers.RegisterAsync(channel, "feed");
        await slow.Consumers.RegisterAsync(channel, "feed");
        await fast.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "feed", 6));
        Assert.Equal(0, await producer.Trimmer.TrimAsync("events")); // the slow one has passed nothing

        await slow.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "feed", 4));
        Assert.Equal(4, await producer.Trimmer.TrimAsync("events"));
        Assert.Equal(0, await producer.Trimmer.TrimAsync("events"));
        Assert.Equal([5L, 6L, 7L, 8L, 9L, 10L], (await slow.Reader.ReadAsync(channel, 4, 100)).Select(e => e.Position));

        await slow.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "feed", 9));
        Assert.Equal(2, await producer.Trimmer.TrimAsync("events")); // down to the fast one at 6
        Assert.Equal([7L, 8L, 9L, 10L], (await fast.Reader.ReadAsync(channel, 6, 100)).Select(e => e.Position));
        Assert.Equal(10, await producer.Reader.HeadAsync(channel));
    }

    [StoreFact]
    public async Task Trimming_through_a_position_removes_older_entries_without_registered_consumers_and_keeps_positions()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "feed-2080");
        await AppendAsync(producer, "feed-2080", 1, 6);

        Assert.Equal(4, await producer.Trimmer.TrimThroughAsync("feed-2080", 4));
        Assert.Equal(0, await producer.Trimmer.TrimThroughAsync("feed-2080", 3)); // already gone: nothing more
        Assert.Equal(0, await producer.Trimmer.TrimThroughAsync("feed-2080", 4));

        Assert.Equal(["e5", "e6"], (await producer.Reader.ReadAsync(channel, 4, 10)).Select(e => Text(e.Payload)));
        var trimmed = await Assert.ThrowsAsync<ChannelTrimmedException>(() => producer.Reader.ReadAsync(channel, 3, 10));
        Assert.Equal(5, trimmed.OldestAvailable);
        var next = (Committed)await producer.Store.CommitAsync(new UnitOfWork().Append("feed-2080", Bytes("e7")));
        Assert.Equal(7, next.Appended.Single().Position);

        Assert.Equal(3, await producer.Trimmer.TrimThroughAsync("feed-2080", 100)); // never past the head
        Assert.Equal(7, await producer.Reader.HeadAsync(channel));
        Assert.Empty(await producer.Reader.ReadAsync(channel, 7, 10));
    }

    [StoreFact]
    public async Task Trimming_through_a_position_still_waits_for_a_registered_consumer()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        await using var consumer = StoreHost.Create(Server, StoreHost.NewKeyspace("c"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        await AppendAsync(producer, "events", 1, 10);
        await consumer.Consumers.RegisterAsync(channel, "reader");
        await consumer.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "reader", 3));

        Assert.Equal(3, await producer.Trimmer.TrimThroughAsync("events", 8));
        Assert.Equal([4L, 5L], (await consumer.Reader.ReadAsync(channel, 3, 2)).Select(e => e.Position));
    }

    [StoreFact]
    public async Task A_consumer_position_only_moves_forward_and_an_expected_position_makes_effects_exactly_once()
    {
        await using var consumer = StoreHost.Create(Server, StoreHost.NewKeyspace("c"));
        var channel = new ChannelAddress("producer", "events");
        await consumer.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "feed", 5));

        var backwards = await consumer.Store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, "feed", 3));
        Assert.IsType<VersionConflict>(backwards);

        // Two instances handled the batch after 5 up to 8; only the first one's effects are written.
        var firstInstance = await consumer.Store.CommitAsync(new UnitOfWork()
            .Put("effects", "from-6-to-8", Bytes("first"), 0).AdvanceConsumer(channel, "feed", 8, expectedPosition: 5));
        var secondInstance = await consumer.Store.CommitAsync(new UnitOfWork()
            .Put("effects", "from-6-to-8-b", Bytes("second"), 0).AdvanceConsumer(channel, "feed", 8, expectedPosition: 5));

        Assert.IsType<Committed>(firstInstance);
        Assert.Equal(new VersionConflict(VersionConflict.ConsumerPositionCollection, "producer/events/feed", 5, 8), secondInstance);
        Assert.Null(await consumer.Store.GetAsync("effects", "from-6-to-8-b"));
        Assert.Equal(8, await consumer.Reader.GetConsumerPositionAsync(channel, "feed"));
    }

    [StoreFact]
    public async Task A_consumer_position_survives_a_consumer_restart()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        var consumerKeyspace = StoreHost.NewKeyspace("c");
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        await AppendAsync(producer, "events", 1, 3);

        var script = new HandlerScript();
        await using (var first = ConsumerHost(consumerKeyspace, channel, script))
        {
            await first.StartAsync();
            await Eventually.TrueAsync(async () => await first.Reader.GetConsumerPositionAsync(channel, "feed") == 3, "the first consumer passed position 3");
            await first.StopAsync();
        }
        Assert.Equal([1L, 2L, 3L], script.DeliveredPositions);

        await AppendAsync(producer, "events", 4, 5);
        var restarted = new HandlerScript();
        await using var second = ConsumerHost(consumerKeyspace, channel, restarted);
        await second.StartAsync();
        await Eventually.TrueAsync(async () => await second.Reader.GetConsumerPositionAsync(channel, "feed") == 5, "the restarted consumer passed position 5");

        Assert.Equal([4L, 5L], restarted.DeliveredPositions);
        Assert.Equal(3, restarted.Batches.First().AfterPosition);
    }

    [StoreFact]
    public async Task A_consumer_that_crashes_mid_batch_gets_the_batch_again()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        var consumerKeyspace = StoreHost.NewKeyspace("c");
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        await AppendAsync(producer, "events", 1, 3);

        // The first process is stuck in the middle of the batch when it goes down.
        var crashing = new HandlerScript { Behaviour = (_, token) => Task.Delay(Timeout.Infinite, token) };
        await using (var first = ConsumerHost(consumerKeyspace, channel, crashing))
        {
            await first.StartAsync();
            await Eventually.TrueAsync(() => !crashing.Batches.IsEmpty, "the first consumer received the batch");
            await first.StopAsync();
            Assert.Equal(0, await first.Reader.GetConsumerPositionAsync(channel, "feed"));
        }

        var recovering = new HandlerScript();
        await using var second = ConsumerHost(consumerKeyspace, channel, recovering);
        await second.StartAsync();
        await Eventually.TrueAsync(async () => await second.Reader.GetConsumerPositionAsync(channel, "feed") == 3, "the restarted consumer passed position 3");

        Assert.Equal([1L, 2L, 3L], crashing.DeliveredPositions);
        Assert.Equal([1L, 2L, 3L], recovering.DeliveredPositions);
    }

    [StoreFact]
    public async Task A_failing_handler_gets_the_same_batch_again_and_the_position_waits_for_success()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        await AppendAsync(producer, "events", 1, 2);
        var failures = 0;
        var script = new HandlerScript
        {
            Behaviour = (_, _) => Interlocked.Increment(ref failures) <= 2
                ? throw new InvalidOperationException("handler failure (test)")
                : Task.CompletedTask,
        };

        await using var consumer = ConsumerHost(StoreHost.NewKeyspace("c"), channel, script, o => o.RetryDelay = TimeSpan.FromMilliseconds(10));
        await consumer.StartAsync();
        await Eventually.TrueAsync(async () => await consumer.Reader.GetConsumerPositionAsync(channel, "feed") == 2, "the consumer passed position 2");

        Assert.Equal(3, script.Batches.Count);
        Assert.All(script.Batches, b => Assert.Equal([1L, 2L], b.Entries.Select(e => e.Position)));
    }

    // Issue #21: samverkan.events.consumer.lag (ConsumerLag) shows a consumer stuck on a failing
    // batch as the entries it has not handled, and 0 once it caught up.
    [StoreFact]
    public async Task A_consumer_reports_its_lag_behind_the_channel_head()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        await AppendAsync(producer, "events", 1, 3);
        var failing = true;
        var script = new HandlerScript
        {
            Behaviour = (_, _) => Volatile.Read(ref failing) ? throw new InvalidOperationException("handler failure (test)") : Task.CompletedTask,
        };
        var key = ($"{channel.Service}/events", "feed");

        await using var consumer = ConsumerHost(StoreHost.NewKeyspace("c"), channel, script, o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        await consumer.StartAsync();
        await Eventually.TrueAsync(() => Task.FromResult(script.Batches.Count >= 2 && ConsumerLag.Snapshot().GetValueOrDefault(key) == 3),
            "the stuck consumer reports 3 entries behind");

        Volatile.Write(ref failing, false);
        await Eventually.TrueAsync(async () => await consumer.Reader.GetConsumerPositionAsync(channel, "feed") == 3, "the consumer passed position 3");
        await Eventually.TrueAsync(() => Task.FromResult(ConsumerLag.Snapshot().GetValueOrDefault(key, -1) == 0), "the consumer reports no lag");
    }

    [StoreFact]
    public async Task A_waiting_consumer_is_woken_by_an_append()
    {
        await using var producer = StoreHost.Create(Server, StoreHost.NewKeyspace("p"));
        var channel = new ChannelAddress(producer.Store.Keyspace.Service, "events");
        var script = new HandlerScript();
        await using var consumer = ConsumerHost(StoreHost.NewKeyspace("c"), channel, script, o => o.IdleWait = TimeSpan.FromMinutes(5));
        await consumer.StartAsync();
        await Eventually.TrueAsync(() => IsRegisteredAsync(producer, channel), "the consumer registered");

        await AppendAsync(producer, "events", 1, 1);
        await Eventually.TrueAsync(() => script.DeliveredPositions.Contains(1), "the append was delivered");
    }

    [StoreFact]
    public async Task Acknowledged_commits_survive_SIGKILL_of_the_store_process()
    {
        await using var server = await StoreServer.StartNewAsync(fixture.Kind);
        var keyspace = StoreHost.NewKeyspace();
        var channel = new ChannelAddress(keyspace, "events");

        await using (var host = StoreHost.Create(server, keyspace))
        {
            await CommitNumberedAsync(host, 0, 50);
            // Compact what is on disk so far (Garnet: checkpoint; Redis: AOF rewrite), so recovery
            // must combine the compacted state with the log written after it.
            await CompactAsync(server);
            await CommitNumberedAsync(host, 50, 100);
        }

        await server.KillAsync();
        await server.StartAsync();

        await using var restarted = StoreHost.Create(server, keyspace);
        var documents = await restarted.Store.GetManyAsync("docs", Enumerable.Range(0, 100).Select(i => $"d{i}").ToArray());
        Assert.Equal(100, documents.Count);
        Assert.All(documents, d => Assert.Equal(1, d.Version));
        Assert.Equal(100, (await restarted.Store.QueryIndexAsync("by-number", 0, 1000, 0, 1000)).Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), (await restarted.Reader.ReadAsync(channel, 0, 1000)).Select(e => e.Position));
        Assert.Equal("d99", await restarted.Store.GetIdempotentResultAsync("create", "request-99"));
    }

    private static async Task CommitNumberedAsync(StoreHost host, int from, int to)
    {
        // Concurrent commits, as a busy service makes them (in waves of 10, so that a loaded CI machine
        // stays within the client's 5 s timeout); each was acknowledged when its task completed.
        foreach (var wave in Enumerable.Range(from, to - from).Chunk(10))
        {
            var results = await Task.WhenAll(wave.Select(i => host.Store.CommitAsync(new UnitOfWork()
                .Put("docs", $"d{i}", Bytes($"document {i}"), 0)
                .Index("by-number", $"d{i}", i)
                .Append("events", Bytes($"created d{i}"))
                .ClaimIdempotencyKey("create", $"request-{i}", $"d{i}"))));
            Assert.All(results, r => Assert.IsType<Committed>(r));
        }
    }

    private static async Task CompactAsync(StoreServer server)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
        var db = connection.GetDatabase();
        if (server.Kind == StoreKind.Garnet)
        {
            await db.ExecuteAsync("SAVE");
            return;
        }
        await db.ExecuteAsync("BGREWRITEAOF");
        await Eventually.TrueAsync(async () =>
        {
            var info = (string)(await db.ExecuteAsync("INFO", "persistence"))!;
            return info.Contains("aof_rewrite_in_progress:0", StringComparison.Ordinal)
                && info.Contains("aof_rewrite_scheduled:0", StringComparison.Ordinal);
        }, "the AOF rewrite finished");
    }

    private static async Task<bool> IsRegisteredAsync(StoreHost producer, ChannelAddress channel)
    {
        var connection = producer.Services.GetRequiredService<IConnectionMultiplexer>();
        return await connection.GetDatabase().SetLengthAsync(StoreKeyspace.ChannelConsumersKey(channel)) > 0;
    }

    private static async Task AppendAsync(StoreHost producer, string channel, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            Assert.IsType<Committed>(await producer.Store.CommitAsync(new UnitOfWork().Append(channel, Bytes($"e{i}"))));
        }
    }

    private StoreHost ConsumerHost(string keyspace, ChannelAddress channel, HandlerScript script, Action<ChannelConsumerOptions>? configure = null) =>
        StoreHost.Create(Server, keyspace, builder =>
        {
            builder.Services.AddSingleton(script);
            builder.AddChannelConsumer<RecordingHandler>(channel, "feed", o =>
            {
                o.IdleWait = TimeSpan.FromSeconds(1);
                configure?.Invoke(o);
            });
        });
}
