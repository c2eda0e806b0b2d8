using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Identity.Realm;

// Passwords from the realm file are hashed once at start so plain text does not stay in memory
// (PBKDF2-SHA256, random salt, constant-time comparison).
public sealed class PasswordHash
{
    private const int Iterations = 10_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    public static PasswordHash Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new PasswordHash(salt, Derive(password, salt));
    }

    public bool Verify(string? password) =>
        password is not null && CryptographicOperations.FixedTimeEquals(Derive(password, _salt), _hash);

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashSize);
}
