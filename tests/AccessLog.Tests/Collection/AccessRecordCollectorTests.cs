using Google.Protobuf;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Collection;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.AccessLog.Tests.Collection;

public sealed class AccessRecordCollectorTests
{
    private static readonly ChannelAddress Discharge = new("discharge", AccessLogChannel.Name);
    private static readonly ChannelAddress Sip = new("sip", AccessLogChannel.Name);

    private static async Task<ChannelBatch> ProduceAsync(AccessLogParts parts, ChannelAddress source, params AccessRecord[] records)
    {
        var producer = parts.Server.For(source.Service);
        var work = new UnitOfWork();
        foreach (var record in records) AccessRecorder.RecordIn(work, record);
        await producer.CommitAsync(work);
        var position = await parts.Store.GetConsumerPositionAsync(source, "access-log");
        return new ChannelBatch(source, "access-log", position, await producer.ReadAsync(source, position, 1000));
    }

    [Fact]
    public async Task Records_are_chained_indexed_and_the_position_moves_in_the_same_commit()
    {
        var parts = new AccessLogParts();
        var batch = await ProduceAsync(parts, Discharge, TestRecords.Access(), TestRecords.Access(subject: "other"));

        var chained = await parts.Collector.CollectAsync(batch, default);

        Assert.Equal(2, chained);
        Assert.Equal(2, parts.Server.Commits); // the producer's and one by the collector
        Assert.Equal(2, await parts.Store.GetConsumerPositionAsync(Discharge, "access-log"));
        var (head, _) = await parts.Chain.GetHeadAsync(default);
        Assert.Equal(2, head.Sequence);
        var inOrganisation = await parts.Store.QueryIndexAsync(AccessIndexes.Organisation("2080"), 0, double.MaxValue, 0, 10);
        Assert.Equal(["1", "2"], inOrganisation.Select(e => e.Member));
        Assert.True((await parts.Verification.VerifyAsync(0, 0, [], default)).Intact);
    }

    [Fact]
    public async Task A_redelivered_batch_is_never_chained_twice()
    {
        var parts = new AccessLogParts();
        var batch = await ProduceAsync(parts, Discharge, TestRecords.Access(), TestRecords.Access());

        await parts.Collector.CollectAsync(batch, default);
        var again = await parts.Collector.CollectAsync(batch, default);

        Assert.Equal(0, again);
        Assert.Equal(2, (await parts.Chain.GetHeadAsync(default)).Head.Sequence);
    }

    [Fact]
    public async Task The_same_record_appended_twice_by_its_producer_is_chained_once()
    {
        var parts = new AccessLogParts();
        var record = TestRecords.Access();
        var first = await ProduceAsync(parts, Discharge, record, record);
        await parts.Collector.CollectAsync(first, default);
        var later = await ProduceAsync(parts, Discharge, record, TestRecords.Access());

        var chained = await parts.Collector.CollectAsync(later, default);

        Assert.Equal(1, chained);
        Assert.Equal(2, (await parts.Chain.GetHeadAsync(default)).Head.Sequence);
        Assert.Equal(4, await parts.Store.GetConsumerPositionAsync(Discharge, "access-log"));
    }

    [Fact]
    public async Task A_payload_that_is_not_an_access_record_is_kept_in_the_chain_unindexed()
    {
        var parts = new AccessLogParts();
        var producer = parts.Server.For("discharge");
        await producer.CommitAsync(new UnitOfWork().Append(AccessLogChannel.Name, new byte[] { 0xff, 0x01 }));
        var batch = new ChannelBatch(Discharge, "access-log", 0, await producer.ReadAsync(Discharge, 0, 10));

        Assert.Equal(1, await parts.Collector.CollectAsync(batch, default));
        Assert.Equal(1, (await parts.Chain.GetHeadAsync(default)).Head.Sequence);
        Assert.Empty(parts.Server.Indexes);
        Assert.True((await parts.Verification.VerifyAsync(0, 0, [], default)).Intact);
    }

    [Fact]
    public async Task Two_collectors_on_one_chain_never_fork_it()
    {
        // Two service instances (each with its own collector and gate) share one store.
        var server = new InMemoryStoreServer();
        var a = new AccessLogParts(server);
        var b = new AccessLogParts(server);
        var discharge = Enumerable.Range(0, 20).Select(_ => TestRecords.Access()).ToArray();
        var sip = Enumerable.Range(0, 20).Select(_ => TestRecords.Access(unit: "2080-hsl")).ToArray();
        var dischargeBatch = await ProduceAsync(a, Discharge, discharge);
        var sipBatch = await ProduceAsync(a, Sip, sip);

        await Task.WhenAll(
            Task.Run(async () => { foreach (var e in dischargeBatch.Entries) await a.Collector.CollectAsync(Single(Discharge, e), default); }),
            Task.Run(async () => { foreach (var e in sipBatch.Entries) await b.Collector.CollectAsync(Single(Sip, e), default); }));

        Assert.Equal(40, (await a.Chain.GetHeadAsync(default)).Head.Sequence);
        Assert.True((await a.Verification.VerifyAsync(0, 0, [], default)).Intact);
    }

    [Fact]
    public async Task Two_instances_given_the_same_batch_chain_it_once()
    {
        var server = new InMemoryStoreServer();
        var a = new AccessLogParts(server);
        var b = new AccessLogParts(server);
        var batch = await ProduceAsync(a, Discharge, Enumerable.Range(0, 10).Select(_ => TestRecords.Access()).ToArray());

        var chained = await Task.WhenAll(
            Task.Run(() => a.Collector.CollectAsync(batch, default)),
            Task.Run(() => b.Collector.CollectAsync(batch, default)));

        Assert.Equal([0, 10], chained.Order());
        Assert.Equal(10, (await a.Chain.GetHeadAsync(default)).Head.Sequence);
        Assert.True((await a.Verification.VerifyAsync(0, 0, [], default)).Intact);
    }

    private static ChannelBatch Single(ChannelAddress source, ChannelEntry entry) => new(source, "access-log", entry.Position - 1, [entry]);

    [Fact]
    public async Task Indexes_follow_the_acting_users_organisation_and_flags()
    {
        var parts = new AccessLogParts();
        var batch = await ProduceAsync(parts, Discharge,
            TestRecords.Access(organisation: "2062", unit: "2062-soc", subject: "mora-user", resourceOrganisation: "2080", resourceUnit: "2080-soc"),
            TestRecords.Access(protectedIdentity: true));

        await parts.Collector.CollectAsync(batch, default);

        async Task<string[]> Members(string index) =>
            (await parts.Store.QueryIndexAsync(index, 0, double.MaxValue, 0, 10)).Select(e => e.Member).ToArray();
        Assert.Equal(["1"], await Members(AccessIndexes.Organisation("2062")));
        Assert.Equal(["1"], await Members(AccessIndexes.User("2062", "mora-user")));
        Assert.Equal(["1"], await Members(AccessIndexes.Flagged(AccessFlag.OutsideOwnOrganisation, "2062")));
        Assert.Equal(["1"], await Members(AccessIndexes.Flagged(AccessFlag.OutsideOwnUnit, "2062")));
        Assert.Equal(["2"], await Members(AccessIndexes.Organisation("2080")));
        Assert.Equal(["2"], await Members(AccessIndexes.Flagged(AccessFlag.ProtectedIdentity, "2080")));
        Assert.Empty(await Members(AccessIndexes.Flagged(AccessFlag.OutsideOwnUnit, "2080")));
        Assert.Equal(["2"], await Members(AccessIndexes.Person("2080", "p_person1")));
    }
}
