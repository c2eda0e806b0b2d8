using System.Security.Cryptography;
using System.Text;

namespace Samverkan.PersonalOmbudsmen.Application.Shredding;

// One assignment's own data key (256 random bits). Everything personal about the assignment is
// sealed with it, the access log's person reference and the idempotency fingerprints are keyed by
// it, so destroying it at closing makes all of them meaningless at once (crypto-shredding).
//
// Separate purposes use separate subkeys (HKDF-SHA256 with a purpose label), so the pseudonym or a
// fingerprint can never be used to attack the content encryption. The raw key is zeroed on Dispose.
public sealed class DataKey : IDisposable
{
    public const int Size = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte SealedVersion = 1;

    private readonly byte[] _key;
    private readonly byte[] _contentKey;
    private readonly byte[] _pseudonymKey;
    private readonly byte[] _fingerprintKey;

    private DataKey(byte[] key, string assignmentId)
    {
        if (key.Length != Size) throw new ArgumentException($"A data key is {Size} bytes.", nameof(key));
        _key = key;
        AssignmentId = assignmentId;
        _contentKey = Subkey("content");
        _pseudonymKey = Subkey("person-reference");
        _fingerprintKey = Subkey("request-fingerprint");
    }

    public string AssignmentId { get; }

    // The raw key, for wrapping only.
    public ReadOnlySpan<byte> Material => _key;

    public static DataKey Create(string assignmentId) => new(RandomNumberGenerator.GetBytes(Size), assignmentId);

    // Takes ownership of the bytes (they are zeroed on Dispose).
    public static DataKey FromMaterial(byte[] key, string assignmentId) => new(key, assignmentId);

    // AES-256-GCM with a random nonce. associatedData binds the ciphertext to where it belongs
    // (the assignment's id, municipality and unit): moved elsewhere it does not open.
    // Sealed form: [1 byte version][12 byte nonce][ciphertext][16 byte tag]
    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[1 + NonceSize + plaintext.Length + TagSize];
        sealedBytes[0] = SealedVersion;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_contentKey, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(1 + NonceSize, plaintext.Length), sealedBytes.AsSpan(1 + NonceSize + plaintext.Length), associatedData);
        return sealedBytes;
    }

    public byte[] Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < 1 + NonceSize + TagSize || sealedBytes[0] != SealedVersion)
        {
            throw new CryptographicException("Not sealed assignment content (unknown format).");
        }
        var length = sealedBytes.Length - 1 - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(_contentKey, TagSize);
        aes.Decrypt(sealedBytes.Slice(1, NonceSize), sealedBytes.Slice(1 + NonceSize, length), sealedBytes[^TagSize..], plaintext, associatedData);
        return plaintext;
    }

    // The person reference the access log keeps for this assignment's client: an HMAC of the
    // personnummer under this key. Stable while the assignment is open (its records can be followed);
    // after closing nobody can compute it again or test a personnummer against it.
    public string PersonReference(string personalIdentityNumber)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_pseudonymKey, Encoding.ASCII.GetBytes(personalIdentityNumber), hash);
        return "po_" + Convert.ToBase64String(hash[..18]).Replace('+', '-').Replace('/', '_');
    }

    // Tells a genuine retry from a different request under the same request_id without keeping a
    // plain hash of personal data (a plain hash of a short note or a personnummer could be
    // confirmed by guessing; this one dies with the key).
    public string Fingerprint(ReadOnlySpan<byte> request)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_fingerprintKey, request, hash);
        return Convert.ToHexString(hash[..16]);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_contentKey);
        CryptographicOperations.ZeroMemory(_pseudonymKey);
        CryptographicOperations.ZeroMemory(_fingerprintKey);
    }

    private byte[] Subkey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, Size, salt: Encoding.ASCII.GetBytes(AssignmentId), info: Encoding.ASCII.GetBytes("samverkan.ombud." + purpose));
}
