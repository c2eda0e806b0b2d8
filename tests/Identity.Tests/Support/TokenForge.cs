using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests.Support;

// Re-signs a real token's payload after changing one thing, with the identity server's own key
// (read from its temporary data directory) or with a key nobody publishes. Each rejection test
// then fails for exactly one reason.
public sealed class TokenForge(IdentityServer server)
{
    private readonly RsaSecurityKey _serverKey = LoadServerKey(server.SigningKeyFile);

    public string SignWithServerKey(JsonObject payload) => Sign(payload, _serverKey);

    public static string SignWithUnknownKey(JsonObject payload, string? keyId = null)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId ?? Guid.NewGuid().ToString("N") };
        return Sign(payload, key);
    }

    public string ServerKeyId => _serverKey.KeyId;

    private static string Sign(JsonObject payload, RsaSecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

    private static RsaSecurityKey LoadServerKey(string pemFile)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(pemFile));
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(false));
        return new RsaSecurityKey(rsa)
        {
            KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey).ComputeJwkThumbprint()),
        };
    }
}
