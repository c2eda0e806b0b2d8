using Google.Protobuf;
using Samverkan.AccessLog.Storage;
using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Chain;

// Walks stored chain entries in position order and finds the first broken link. Pure: the caller
// feeds entries as it reads them, so a walk over millions of entries holds one page in memory.
public sealed class ChainVerifier
{
    private readonly IReadOnlyDictionary<long, byte[]> _checkpoints;
    private ChainPosition _last;

    // start: the entry before the first one to be fed (ChainPosition.Empty to walk from entry 1).
    public ChainVerifier(ChainPosition start, IReadOnlyDictionary<long, byte[]>? checkpoints = null)
    {
        _last = start;
        _checkpoints = checkpoints ?? new Dictionary<long, byte[]>();
    }

    public ChainPosition Last => _last;

    public ChainBreak? FirstBreak { get; private set; }

    // Feeds the entry stored at the next position. Returns false once a break is found.
    public bool Feed(long position, ReadOnlyMemory<byte> stored)
    {
        if (FirstBreak is not null) return false;
        if (position != _last.Sequence + 1) return Break(_last.Sequence + 1, ChainBreakKind.EntryMissing);

        ChainEntry entry;
        try
        {
            entry = ChainEntry.Parser.ParseFrom(stored.Span);
        }
        catch (InvalidProtocolBufferException)
        {
            return Break(position, ChainBreakKind.EntryUnreadable);
        }

        if (entry.Sequence != position) return Break(position, ChainBreakKind.SequenceMismatch);
        if (!entry.PreviousHash.Span.SequenceEqual(_last.Hash.Span)) return Break(position, ChainBreakKind.LinkBroken);

        var hash = ChainHash.Compute(_last.Hash.Span, position, entry.Record.Span);
        if (!entry.Hash.Span.SequenceEqual(hash)) return Break(position, ChainBreakKind.EntryAltered);
        if (_checkpoints.TryGetValue(position, out var published) && !published.AsSpan().SequenceEqual(hash))
        {
            return Break(position, ChainBreakKind.CheckpointMismatch);
        }

        _last = new ChainPosition(position, hash);
        return true;
    }

    // Called after the last entry was fed. expectedEnd: the sequence the walk had to reach; head:
    // the recorded chain head when the walk ran to it (its hash must be the last entry's).
    public ChainBreak? Finish(long expectedEnd, ChainPosition? head)
    {
        if (FirstBreak is not null) return FirstBreak;
        if (_last.Sequence < expectedEnd)
        {
            Break(_last.Sequence + 1, ChainBreakKind.EntryMissing);
        }
        else if (head is not null && head.Sequence == _last.Sequence && !head.Hash.Span.SequenceEqual(_last.Hash.Span))
        {
            // The newest entry has no later link to witness it; the head is its witness.
            Break(head.Sequence, ChainBreakKind.EntryAltered);
        }
        return FirstBreak;
    }

    private bool Break(long sequence, ChainBreakKind kind)
    {
        FirstBreak = new ChainBreak { Sequence = sequence, Kind = kind };
        return false;
    }
}
