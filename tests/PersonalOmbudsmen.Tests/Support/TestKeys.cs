using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Samverkan.PersonalOmbudsmen.Application.Shredding;

namespace Samverkan.PersonalOmbudsmen.Tests.Support;

// Key-encryption keys for tests: random per ring, never the development key.
public static class TestKeys
{
    public static KeyEncryptionOptions Options(string active = "k1", params string[] ids)
    {
        var options = new KeyEncryptionOptions { ActiveKeyId = active };
        foreach (var id in ids.Append(active).Distinct()) options.Keys[id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return options;
    }

    public static KeyRing Ring(KeyEncryptionOptions? options = null) => new(Microsoft.Extensions.Options.Options.Create(options ?? Options()));
}
