using Samverkan.AccessLog.Storage;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;

namespace Samverkan.AccessLog.Chain;

// Walks the stored chain from the store, page by page, through a ChainVerifier.
public sealed class ChainVerification(ChainStore chain)
{
    private const int PageSize = 1000;

    // from/to: 0 = first entry / current head. Throws ArgumentOutOfRangeException for a range beyond the head.
    public async Task<VerifyChainResponse> VerifyAsync(long from, long to, IReadOnlyCollection<ChainPosition> checkpoints, CancellationToken cancellationToken)
    {
        var (head, _) = await chain.GetHeadAsync(cancellationToken);
        from = from <= 0 ? 1 : from;
        to = to <= 0 ? head.Sequence : to;
        if (to > head.Sequence) throw new ArgumentOutOfRangeException(nameof(to), $"to_sequence {to} is beyond the chain head {head.Sequence}.");
        if (from > to && head.Sequence > 0) throw new ArgumentOutOfRangeException(nameof(from), $"from_sequence {from} is after to_sequence {to}.");

        var response = new VerifyChainResponse
        {
            FromSequence = from,
            ToSequence = to,
            Head = new ChainCheckpoint { Sequence = head.Sequence, Hash = head.HashHex },
        };

        var published = checkpoints.ToDictionary(c => c.Sequence, c => c.Hash.ToArray());
        var chainBreak = await WalkAsync(from, to, head, published, cancellationToken);
        // A checkpoint beyond the head means the chain was cut back after it was published.
        if (chainBreak is null && checkpoints.Any(c => c.Sequence > head.Sequence))
        {
            chainBreak = new ChainBreak { Sequence = head.Sequence + 1, Kind = ChainBreakKind.EntryMissing };
        }

        response.Intact = chainBreak is null;
        if (chainBreak is not null) response.FirstBreak = chainBreak;
        return response;
    }

    private async Task<ChainBreak?> WalkAsync(long from, long to, ChainPosition head, Dictionary<long, byte[]> checkpoints, CancellationToken cancellationToken)
    {
        if (to < from) return null;
        try
        {
            var start = ChainPosition.Empty;
            if (from > 1)
            {
                // Start from the stored hash of the entry before the range (its own correctness is the earlier range's question).
                var before = await chain.ReadRawAsync(from - 2, 1, cancellationToken);
                if (before.Count == 0 || before[0].Position != from - 1) return new ChainBreak { Sequence = from - 1, Kind = ChainBreakKind.EntryMissing };
                if (!TryHash(before[0].Payload, out var hash)) return new ChainBreak { Sequence = from - 1, Kind = ChainBreakKind.EntryUnreadable };
                start = new ChainPosition(from - 1, hash);
            }

            var verifier = new ChainVerifier(start, checkpoints);
            var after = from - 1;
            while (after < to)
            {
                var page = await chain.ReadRawAsync(after, (int)Math.Min(PageSize, to - after), cancellationToken);
                if (page.Count == 0) break;
                foreach (var entry in page)
                {
                    if (entry.Position > to) break;
                    if (!verifier.Feed(entry.Position, entry.Payload)) return verifier.FirstBreak;
                }
                after = page[^1].Position;
            }
            return verifier.Finish(to, to == head.Sequence ? head : null);
        }
        catch (ChannelTrimmedException)
        {
            return new ChainBreak { Sequence = from, Kind = ChainBreakKind.EntryMissing };
        }
    }

    private static bool TryHash(ReadOnlyMemory<byte> stored, out ReadOnlyMemory<byte> hash)
    {
        hash = default;
        try
        {
            var entry = ChainEntry.Parser.ParseFrom(stored.Span);
            hash = entry.Hash.Memory;
            return entry.Hash.Length == ChainHash.Length;
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
