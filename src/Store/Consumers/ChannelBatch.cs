namespace Samverkan.Store.Consumers;

// Entries after the consumer's stored position (AfterPosition), oldest first, never empty.
public sealed record ChannelBatch(ChannelAddress Channel, string Consumer, long AfterPosition, IReadOnlyList<ChannelEntry> Entries)
{
    public long LastPosition => Entries[^1].Position;

    // Exactly-once effects: commit the effects of this batch in the same unit of work as the
    // position move. If another instance of the consumer handled the batch first, that commit is a
    // VersionConflict with Collection == VersionConflict.ConsumerPositionCollection and nothing is written.
    public UnitOfWork AdvanceWithin(UnitOfWork work) => work.AdvanceConsumer(Channel, Consumer, LastPosition, expectedPosition: AfterPosition);
}
