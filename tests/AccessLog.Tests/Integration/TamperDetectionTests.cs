using Google.Protobuf;
using Microsoft.Extensions.Hosting;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Storage;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.AccessLog.Tests.Integration;

// Someone with write access to the store edits or deletes log entries with raw commands;
// verification finds where.
public sealed class TamperDetectionTests : IClassFixture<StoreServerFixture>
{
    private const string ChainKey = "{access-log}:ch:chain";
    private readonly StoreServerFixture _store;

    public TamperDetectionTests(StoreServerFixture store) => _store = store;

    private async Task<(IHost Host, IDatabase Db, ConnectionMultiplexer Connection)> ChainOf(int records)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(_store.Server.ConnectionString + ",allowAdmin=true");
        await connection.GetServer(connection.GetEndPoints()[0]).FlushDatabaseAsync();
        var producer = new RedisDocumentStore(connection, new StoreKeyspace("discharge"));
        var work = new UnitOfWork();
        for (var i = 0; i < records; i++) AccessRecorder.RecordIn(work, TestRecords.Access(at: TestRecords.Noon.AddMinutes(i)));
        await producer.CommitAsync(work);

        var host = AccessLogHost.Build(_store.Server.ConnectionString, "discharge");
        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.Get<ChainStore>().GetHeadAsync(default)).Head.Sequence < records)
        {
            Assert.True(DateTime.UtcNow < deadline, "The records were not collected.");
            await Task.Delay(50);
        }
        await host.StopAsync();
        return (host, connection.GetDatabase(), connection);
    }

    private static Task<VerifyChainResponse> VerifyAsync(IHost host, params ChainPosition[] checkpoints) =>
        host.Get<ChainVerification>().VerifyAsync(0, 0, checkpoints, default);

    [StoreFact]
    public async Task An_untouched_chain_is_intact()
    {
        var (host, _, connection) = await ChainOf(40);
        using (host) await using (connection)
        {
            var result = await VerifyAsync(host);
            Assert.True(result.Intact);
            Assert.Equal(40, result.ToSequence);
        }
    }

    [StoreFact]
    public async Task An_edited_record_is_detected_at_its_entry()
    {
        var (host, db, connection) = await ChainOf(40);
        using (host) await using (connection)
        {
            var entry = ChainEntry.Parser.ParseFrom((byte[])(await db.ListGetByIndexAsync(ChainKey, 16))!);
            var record = AccessRecord.Parser.ParseFrom(entry.Record);
            record.UserSubject = "someone-else";
            entry.Record = record.ToByteString();
            await db.ListSetByIndexAsync(ChainKey, 16, entry.ToByteArray());

            var result = await VerifyAsync(host);

            Assert.False(result.Intact);
            Assert.Equal(new ChainBreak { Sequence = 17, Kind = ChainBreakKind.EntryAltered }, result.FirstBreak);
        }
    }

    [StoreFact]
    public async Task A_deleted_entry_is_detected_where_it_was()
    {
        var (host, db, connection) = await ChainOf(40);
        using (host) await using (connection)
        {
            var victim = await db.ListGetByIndexAsync(ChainKey, 24);
            Assert.Equal(1, await db.ListRemoveAsync(ChainKey, victim));

            var result = await VerifyAsync(host);

            Assert.False(result.Intact);
            Assert.Equal(new ChainBreak { Sequence = 25, Kind = ChainBreakKind.SequenceMismatch }, result.FirstBreak);
        }
    }

    [StoreFact]
    public async Task A_rewritten_chain_is_detected_against_a_published_head()
    {
        var (host, db, connection) = await ChainOf(40);
        using (host) await using (connection)
        {
            var (published, _) = await host.Get<ChainStore>().GetHeadAsync(default);

            // Drop entry 10 and recompute every later link and the head, consistently.
            var stored = (await db.ListRangeAsync(ChainKey)).Select(v => ChainEntry.Parser.ParseFrom((byte[])v!)).ToList();
            var publishedEarlier = new ChainPosition(20, stored[19].Hash.Memory);
            var rewrite = new UnitOfWork();
            var position = new ChainPosition(9, stored[8].Hash.Memory);
            foreach (var entry in stored.Skip(10)) position = ChainStore.Append(rewrite, position, entry.Record.Memory);
            await db.ListTrimAsync(ChainKey, 0, 8);
            foreach (var append in rewrite.Operations.OfType<AppendToChannel>()) await db.ListRightPushAsync(ChainKey, append.Payload.ToArray());
            var head = new ChainHead { Sequence = position.Sequence, Hash = ByteString.CopyFrom(position.Hash.Span) };
            await db.HashSetAsync("{access-log}:doc:chain:head", "d", head.ToByteArray());

            Assert.True((await VerifyAsync(host)).Intact); // a walk alone cannot see it
            var result = await VerifyAsync(host, published);

            Assert.False(result.Intact);
            Assert.Equal(ChainBreakKind.EntryMissing, result.FirstBreak.Kind); // the chain is now shorter than the published head
            var earlier = await VerifyAsync(host, publishedEarlier);
            Assert.Equal(new ChainBreak { Sequence = 20, Kind = ChainBreakKind.CheckpointMismatch }, earlier.FirstBreak);
        }
    }
}
