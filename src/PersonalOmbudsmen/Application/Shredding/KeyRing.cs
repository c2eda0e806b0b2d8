using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Samverkan.PersonalOmbudsmen.Application.Shredding;

// Wraps and unwraps assignment data keys with the configured key-encryption keys (AES-256-GCM).
// A wrapped key names the KEK that wrapped it, so keys wrapped before a rotation still open until
// they are re-wrapped. The associated data binds a wrapped key to its assignment: a wrapped key
// copied onto another assignment does not open.
//
// Wrapped form: [1 byte version = 1][1 byte id length][KEK id, ASCII][12 byte nonce][32 byte ciphertext][16 byte tag]
public sealed class KeyRing
{
    private const byte FormatVersion = 1;
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;

    public KeyRing(IOptions<KeyEncryptionOptions> options)
    {
        var configured = options.Value;
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in configured.Keys)
        {
            if (id.Length is 0 or > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new InvalidOperationException($"{KeyEncryptionOptions.SectionName}:Keys has a key id that is not a short word (letters, digits, '-', '_'; at most 32).");
            }
            byte[] key;
            try
            {
                key = Convert.FromBase64String(base64 ?? "");
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{KeyEncryptionOptions.SectionName}:Keys:{id} is not base64.");
            }
            if (key.Length != KeySize)
            {
                throw new InvalidOperationException($"{KeyEncryptionOptions.SectionName}:Keys:{id} must decode to exactly {KeySize} bytes.");
            }
            _keys[id] = key;
        }
        if (string.IsNullOrWhiteSpace(configured.ActiveKeyId) || !_keys.ContainsKey(configured.ActiveKeyId))
        {
            throw new InvalidOperationException(
                $"Configuration missing value for: {KeyEncryptionOptions.SectionName}:ActiveKeyId, naming one of {KeyEncryptionOptions.SectionName}:Keys (base64, 32 bytes, from a secret store).");
        }
        ActiveKeyId = configured.ActiveKeyId;
    }

    public string ActiveKeyId { get; }

    // A keyed fingerprint (HMAC-SHA256 under a subkey of the active KEK) for values that must be
    // comparable for a few days but never confirmable by guessing from the store alone.
    public string Fingerprint(ReadOnlySpan<byte> value)
    {
        var subkey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[ActiveKeyId], 32, info: Encoding.ASCII.GetBytes("samverkan.ombud.request-fingerprint"));
        try
        {
            return Convert.ToHexString(HMACSHA256.HashData(subkey, value), 0, 16);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
        }
    }

    public byte[] Wrap(ReadOnlySpan<byte> dataKey, string assignmentId)
    {
        if (dataKey.Length != KeySize) throw new ArgumentException($"A data key is {KeySize} bytes.", nameof(dataKey));
        var id = Encoding.ASCII.GetBytes(ActiveKeyId);
        var wrapped = new byte[2 + id.Length + NonceSize + KeySize + TagSize];
        wrapped[0] = FormatVersion;
        wrapped[1] = (byte)id.Length;
        id.CopyTo(wrapped.AsSpan(2));
        var nonce = wrapped.AsSpan(2 + id.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[ActiveKeyId], TagSize);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(2 + id.Length + NonceSize, KeySize),
            wrapped.AsSpan(2 + id.Length + NonceSize + KeySize, TagSize), AssociatedData(assignmentId, ActiveKeyId));
        return wrapped;
    }

    // The data key, or an exception when the wrapped key is damaged, belongs to another assignment
    // or was wrapped with a KEK that is no longer configured (then it is destroyed for good).
    public byte[] Unwrap(ReadOnlySpan<byte> wrapped, string assignmentId)
    {
        var keyId = KeyIdOf(wrapped);
        if (!_keys.TryGetValue(keyId, out var kek))
        {
            throw new CryptographicException($"The data key was wrapped with key-encryption key '{keyId}', which is not configured (retired or missing).");
        }
        var offset = 2 + keyId.Length;
        if (wrapped.Length != offset + NonceSize + KeySize + TagSize) throw new CryptographicException("A wrapped data key has the wrong length.");
        var dataKey = new byte[KeySize];
        using var aes = new AesGcm(kek, TagSize);
        aes.Decrypt(wrapped.Slice(offset, NonceSize), wrapped.Slice(offset + NonceSize, KeySize),
            wrapped.Slice(offset + NonceSize + KeySize, TagSize), dataKey, AssociatedData(assignmentId, keyId));
        return dataKey;
    }

    // True when the key was wrapped with a KEK other than the active one (rotation pending).
    public bool NeedsRewrap(ReadOnlySpan<byte> wrapped) => KeyIdOf(wrapped) != ActiveKeyId;

    public static string KeyIdOf(ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length < 2 || wrapped[0] != FormatVersion || wrapped.Length < 2 + wrapped[1])
        {
            throw new CryptographicException("Not a wrapped data key (unknown format).");
        }
        return Encoding.ASCII.GetString(wrapped.Slice(2, wrapped[1]));
    }

    private static byte[] AssociatedData(string assignmentId, string keyId)
    {
        var text = Encoding.UTF8.GetBytes($"samverkan.ombud.data-key.v1\0{assignmentId}\0{keyId}");
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, text.Length);
        return [.. length, .. text];
    }
}
