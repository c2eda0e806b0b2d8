namespace Samverkan.AccessLog.Chain;

// A point of the chain: the entry at Sequence has Hash. Sequence 0 with the genesis hash is the empty chain.
public sealed record ChainPosition(long Sequence, ReadOnlyMemory<byte> Hash)
{
    public static ChainPosition Empty { get; } = new(0, ChainHash.Genesis);

    public string HashHex => ChainHash.ToHex(Hash.Span);
}
