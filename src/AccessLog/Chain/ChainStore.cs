using Google.Protobuf;
using Samverkan.AccessLog.Storage;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;

namespace Samverkan.AccessLog.Chain;

// Where the chain lives in the {access-log} keyspace:
//   channel "chain": the entries, position n holds entry n (the store's positions are absolute
//                    and never reused, and every append goes through the head below);
//   document chain/head: the newest sequence and hash, version-checked on every append.
public sealed class ChainStore(IDocumentStore store, IChannelReader channels)
{
    public const string ChannelName = "chain";
    private const string HeadCollection = "chain";
    private const string HeadId = "head";

    public ChannelAddress Address { get; } = new(store.Keyspace.Service, ChannelName);

    public async Task<(ChainPosition Head, long Version)> GetHeadAsync(CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(HeadCollection, HeadId, cancellationToken);
        if (document is null) return (ChainPosition.Empty, 0);
        var head = ChainHead.Parser.ParseFrom(document.Data.Span);
        return (new ChainPosition(head.Sequence, head.Hash.Memory), document.Version);
    }

    public static void PutHead(UnitOfWork work, ChainPosition head, long expectedVersion)
    {
        var bytes = new ChainHead { Sequence = head.Sequence, Hash = ByteString.CopyFrom(head.Hash.Span) }.ToByteArray();
        work.Put(HeadCollection, HeadId, bytes, expectedVersion);
    }

    public static ChainPosition Append(UnitOfWork work, ChainPosition previous, ReadOnlyMemory<byte> record)
    {
        var sequence = previous.Sequence + 1;
        var hash = ChainHash.Compute(previous.Hash.Span, sequence, record.Span);
        var entry = new ChainEntry
        {
            Sequence = sequence,
            PreviousHash = ByteString.CopyFrom(previous.Hash.Span),
            Hash = ByteString.CopyFrom(hash),
            Record = ByteString.CopyFrom(record.Span),
        };
        work.Append(ChannelName, entry.ToByteArray());
        return new ChainPosition(sequence, hash);
    }

    // Raw stored entries after a sequence, for verification.
    public Task<IReadOnlyList<ChannelEntry>> ReadRawAsync(long afterSequence, int max, CancellationToken cancellationToken) =>
        channels.ReadAsync(Address, afterSequence, max, cancellationToken);

    // Entries by sequence, in the order asked for. Contiguous runs are read in one call each.
    public async Task<IReadOnlyList<ChainedAccess>> GetAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0) return [];
        var sorted = sequences.Distinct().Order().ToArray();
        var runs = new List<(long First, int Length)>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[i - 1] + 1)
            {
                runs.Add((sorted[start], i - start));
                start = i;
            }
        }

        var pages = await Task.WhenAll(runs.Select(run => channels.ReadAsync(Address, run.First - 1, run.Length, cancellationToken)));
        var found = new Dictionary<long, ChainedAccess>(sorted.Length);
        foreach (var entry in pages.SelectMany(page => page))
        {
            found[entry.Position] = new ChainedAccess(entry.Position, TryParseRecord(entry.Payload));
        }
        return sequences.Where(found.ContainsKey).Select(s => found[s]).ToList();
    }

    private static AccessRecord? TryParseRecord(ReadOnlyMemory<byte> stored)
    {
        try
        {
            var entry = ChainEntry.Parser.ParseFrom(stored.Span);
            return AccessRecord.Parser.ParseFrom(entry.Record.Span);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
