using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Samverkan.AccessLog.Review;

// A reproducible random sample (stickprov): each candidate's rank is SHA-256(seed || sequence),
// and the sample is the candidates with the smallest ranks. Independent of the order candidates
// are read in and of the runtime's random number generator, so the same seed and population
// give the same sample on any machine, in any year.
public static class SampleSelector
{
    public static IReadOnlyList<long> Select(IEnumerable<long> population, long seed, int size)
    {
        return population
            .Distinct()
            .Select(sequence => (Sequence: sequence, Rank: Rank(seed, sequence)))
            .OrderBy(c => c.Rank, RankComparer.Instance)
            .ThenBy(c => c.Sequence)
            .Take(size)
            .Select(c => c.Sequence)
            .Order()
            .ToList();
    }

    private static byte[] Rank(long seed, long sequence)
    {
        Span<byte> input = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(input, seed);
        BinaryPrimitives.WriteInt64BigEndian(input[8..], sequence);
        return SHA256.HashData(input);
    }

    private sealed class RankComparer : IComparer<byte[]>
    {
        public static readonly RankComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
