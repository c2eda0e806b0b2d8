namespace Samverkan.Store.Tests;

// Rules enforced while a unit of work is built (no server needed).
public sealed class UnitOfWorkTests
{
    private static readonly ReadOnlyMemory<byte> Data = new byte[] { 1 };

    [Theory]
    [InlineData("a:b")]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("{tag}")]
    public void Collection_and_channel_names_that_would_make_keys_ambiguous_are_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => new UnitOfWork().Put(name, "id", Data, 0));
        Assert.Throws<ArgumentException>(() => new UnitOfWork().Append(name, Data));
        Assert.Throws<ArgumentException>(() => new UnitOfWork().ClaimIdempotencyKey(name, "key", "result"));
    }

    [Fact]
    public void Ids_may_contain_colons_because_they_are_the_last_key_segment()
    {
        var keyspace = new StoreKeyspace("discharge");
        Assert.Equal("{discharge}:doc:notices:2026:17", keyspace.Document("notices", "2026:17"));
        Assert.Throws<ArgumentException>(() => keyspace.Document("notices:a", "b"));
    }

    [Fact]
    public void Keys_follow_the_documented_layout_with_one_hash_tag_per_service()
    {
        var keyspace = new StoreKeyspace("discharge");
        var channel = new ChannelAddress("sipplans", "events");
        Assert.Equal("{discharge}:idx:due", keyspace.Index("due"));
        Assert.Equal("{discharge}:ch:events", keyspace.Channel("events"));
        Assert.Equal("{discharge}:ch:events:base", keyspace.ChannelBase("events"));
        Assert.Equal("{discharge}:idem:create:r1", keyspace.Idempotency("create", "r1"));
        Assert.Equal("{discharge}:pos:sipplans:events:feed", keyspace.ConsumerPosition(channel, "feed"));
        Assert.Equal("{sipplans}:ch:events:consumers", StoreKeyspace.ChannelConsumersKey(channel));
        Assert.Equal("{sipplans}:ch:events:notify", StoreKeyspace.ChannelNotification(channel));
    }

    [Fact]
    public void A_document_is_changed_at_most_once_per_unit_of_work()
    {
        var work = new UnitOfWork().Put("plans", "p1", Data, 0);
        Assert.Throws<InvalidOperationException>(() => work.Put("plans", "p1", Data, 1));
        Assert.Throws<InvalidOperationException>(() => work.Delete("plans", "p1", 1));
        work.Put("plans", "p2", Data, 0);
        Assert.Equal(2, work.Operations.Count);
    }

    [Fact]
    public void Versions_and_positions_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfWork().Put("plans", "p1", Data, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfWork().Delete("plans", "p1", 0));
        var channel = new ChannelAddress("sipplans", "events");
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfWork().AdvanceConsumer(channel, "feed", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfWork().AdvanceConsumer(channel, "feed", 3, expectedPosition: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfWork().ClaimIdempotencyKey("s", "k", "r", TimeSpan.Zero));
    }
}
