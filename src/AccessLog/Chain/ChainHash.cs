using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Samverkan.AccessLog.Chain;

// The link function of the hash chain: hash(n) = SHA-256(hash(n-1) || n as 8 bytes big-endian || record bytes).
// The sequence is inside the hash so an entry cannot be moved to another position unnoticed; the
// previous hash is inside so no entry can be removed or inserted without breaking every later link.
public static class ChainHash
{
    public const int Length = 32;

    // The "previous hash" of entry 1.
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[Length];

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, long sequence, ReadOnlySpan<byte> record)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        Span<byte> sequenceBytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(sequenceBytes, sequence);
        sha.AppendData(sequenceBytes);
        sha.AppendData(record);
        return sha.GetHashAndReset();
    }

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    public static bool TryParseHex(string hex, out byte[] hash)
    {
        hash = [];
        if (hex.Length != Length * 2) return false;
        try
        {
            hash = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
