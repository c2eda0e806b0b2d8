using Google.Protobuf;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Storage;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;

namespace Samverkan.AccessLog.Tests.Chain;

public sealed class ChainVerifierTests
{
    private static (List<byte[]> Entries, ChainPosition Head) BuildChain(int count)
    {
        var work = new UnitOfWork();
        var head = ChainPosition.Empty;
        for (var i = 0; i < count; i++) head = ChainStore.Append(work, head, TestRecords.Access().ToByteArray());
        return (work.Operations.OfType<AppendToChannel>().Select(a => a.Payload.ToArray()).ToList(), head);
    }

    private static ChainBreak? Verify(IReadOnlyList<byte[]> entries, ChainPosition head, IReadOnlyDictionary<long, byte[]>? checkpoints = null)
    {
        var verifier = new ChainVerifier(ChainPosition.Empty, checkpoints);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!verifier.Feed(i + 1, entries[i])) break;
        }
        return verifier.Finish(head.Sequence, head);
    }

    private static byte[] Rewrite(byte[] stored, Action<ChainEntry> change)
    {
        var entry = ChainEntry.Parser.ParseFrom(stored);
        change(entry);
        return entry.ToByteArray();
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var (entries, head) = BuildChain(10);
        Assert.Null(Verify(entries, head));
        Assert.Equal(10, head.Sequence);
    }

    [Fact]
    public void Each_hash_covers_the_previous_hash_the_sequence_and_the_record()
    {
        var record = TestRecords.Access().ToByteArray();
        var first = ChainHash.Compute(ChainHash.Genesis.Span, 1, record);
        Assert.NotEqual(first, ChainHash.Compute(ChainHash.Genesis.Span, 2, record));
        Assert.NotEqual(first, ChainHash.Compute(Enumerable.Repeat((byte)1, 32).ToArray(), 1, record));
        Assert.NotEqual(first, ChainHash.Compute(ChainHash.Genesis.Span, 1, record.Append((byte)0).ToArray()));
        Assert.Equal(first, ChainHash.Compute(ChainHash.Genesis.Span, 1, record));
    }

    [Fact]
    public void An_edited_record_is_reported_at_its_entry()
    {
        var (entries, head) = BuildChain(10);
        entries[4] = Rewrite(entries[4], e =>
        {
            var record = AccessRecord.Parser.ParseFrom(e.Record);
            record.OrganisationCode = "2062";
            e.Record = record.ToByteString();
        });

        var chainBreak = Verify(entries, head);

        Assert.Equal(new ChainBreak { Sequence = 5, Kind = ChainBreakKind.EntryAltered }, chainBreak);
    }

    [Fact]
    public void A_deleted_entry_is_reported_where_it_was()
    {
        var (entries, head) = BuildChain(10);
        entries.RemoveAt(4);

        var chainBreak = Verify(entries, head);

        Assert.Equal(new ChainBreak { Sequence = 5, Kind = ChainBreakKind.SequenceMismatch }, chainBreak);
    }

    [Fact]
    public void A_deleted_entry_with_renumbered_successors_is_reported()
    {
        var (entries, head) = BuildChain(10);
        entries.RemoveAt(4);
        for (var i = 4; i < entries.Count; i++)
        {
            var sequence = i + 1;
            entries[i] = Rewrite(entries[i], e => e.Sequence = sequence);
        }

        var chainBreak = Verify(entries, head);

        Assert.Equal(new ChainBreak { Sequence = 5, Kind = ChainBreakKind.LinkBroken }, chainBreak);
    }

    [Fact]
    public void Reordered_entries_are_reported()
    {
        var (entries, head) = BuildChain(10);
        (entries[3], entries[4]) = (entries[4], entries[3]);

        Assert.Equal(new ChainBreak { Sequence = 4, Kind = ChainBreakKind.SequenceMismatch }, Verify(entries, head));
    }

    [Fact]
    public void Entries_cut_from_the_end_are_reported_against_the_head()
    {
        var (entries, head) = BuildChain(10);
        entries.RemoveRange(8, 2);

        Assert.Equal(new ChainBreak { Sequence = 9, Kind = ChainBreakKind.EntryMissing }, Verify(entries, head));
    }

    [Fact]
    public void A_replaced_newest_entry_is_reported_against_the_head()
    {
        var (entries, head) = BuildChain(10);
        var previous = ChainEntry.Parser.ParseFrom(entries[8]);
        var forged = new UnitOfWork();
        ChainStore.Append(forged, new ChainPosition(9, previous.Hash.Memory), TestRecords.Access().ToByteArray());
        entries[9] = forged.Operations.OfType<AppendToChannel>().Single().Payload.ToArray();

        Assert.Equal(new ChainBreak { Sequence = 10, Kind = ChainBreakKind.EntryAltered }, Verify(entries, head));
    }

    [Fact]
    public void A_consistently_rewritten_chain_passes_a_walk_but_not_a_published_checkpoint()
    {
        var (entries, head) = BuildChain(10);
        var published = new Dictionary<long, byte[]> { [7] = ChainEntry.Parser.ParseFrom(entries[6]).Hash.ToByteArray() };

        // The attacker drops entry 5 and recomputes every later link, the head included.
        var kept = entries.Take(4).ToList();
        var rewrite = new UnitOfWork();
        var position = new ChainPosition(4, ChainEntry.Parser.ParseFrom(kept[3]).Hash.Memory);
        foreach (var stored in entries.Skip(5)) position = ChainStore.Append(rewrite, position, ChainEntry.Parser.ParseFrom(stored).Record.Memory);
        kept.AddRange(rewrite.Operations.OfType<AppendToChannel>().Select(a => a.Payload.ToArray()));

        Assert.Null(Verify(kept, position));
        Assert.Equal(new ChainBreak { Sequence = 7, Kind = ChainBreakKind.CheckpointMismatch }, Verify(kept, position, published));
    }

    [Fact]
    public void Garbage_in_place_of_an_entry_is_unreadable()
    {
        var (entries, head) = BuildChain(3);
        entries[1] = [0xff, 0xff, 0xff];

        Assert.Equal(new ChainBreak { Sequence = 2, Kind = ChainBreakKind.EntryUnreadable }, Verify(entries, head));
    }
}
