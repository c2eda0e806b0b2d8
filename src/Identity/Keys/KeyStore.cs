using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.Identity.Keys;

// The server's keys, kept in the data directory so tokens, codes and refresh tokens issued before a
// restart stay valid after it: an RSA key that signs tokens (published at .../certs) and an AES key
// that encrypts authorization codes and refresh tokens (never published).
public sealed class KeyStore
{
    private const string SigningKeyFile = "signing-key.pem";
    private const string EncryptionKeyFile = "encryption-key.bin";

    public required RsaSecurityKey SigningKey { get; init; }
    public required SymmetricSecurityKey EncryptionKey { get; init; }

    public static KeyStore Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new KeyStore
        {
            SigningKey = LoadOrCreateSigningKey(Path.Combine(dataDirectory, SigningKeyFile)),
            EncryptionKey = new SymmetricSecurityKey(LoadOrCreate(Path.Combine(dataDirectory, EncryptionKeyFile), () => RandomNumberGenerator.GetBytes(32))),
        };
    }

    private static RsaSecurityKey LoadOrCreateSigningKey(string path)
    {
        var pem = LoadOrCreate(path, () =>
        {
            using var created = RSA.Create(2048);
            return System.Text.Encoding.ASCII.GetBytes(created.ExportPkcs8PrivateKeyPem());
        });
        var rsa = RSA.Create();
        rsa.ImportFromPem(System.Text.Encoding.ASCII.GetString(pem));
        var key = new RsaSecurityKey(rsa);
        // The kid is the RFC 7638 thumbprint: stable for the key, different for any other key.
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false))).ComputeJwkThumbprint());
        return key;
    }

    // Written once, readable by the owner only, and never replaced: replacing a key would
    // invalidate every token in circulation.
    private static byte[] LoadOrCreate(string path, Func<byte[]> create)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);

        var bytes = create();
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            stream.Write(bytes);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance sharing the directory won the race: use its key.
            File.Delete(temporary);
            return File.ReadAllBytes(path);
        }
        return bytes;
    }
}
