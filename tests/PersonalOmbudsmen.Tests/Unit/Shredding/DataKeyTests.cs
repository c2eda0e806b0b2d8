using System.Security.Cryptography;
using System.Text;
using Samverkan.PersonalOmbudsmen.Application.Shredding;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Shredding;

public class DataKeyTests
{
    private static readonly byte[] Aad = Encoding.UTF8.GetBytes("assignment a1");

    [Fact]
    public void Seals_and_opens_content_with_a_fresh_nonce_each_time()
    {
        using var key = DataKey.Create("a1");
        var plaintext = Encoding.UTF8.GetBytes("Sigrid Ödmark 19800101-1234");
        var first = key.Seal(plaintext, Aad);
        var second = key.Seal(plaintext, Aad);

        Assert.NotEqual(first, second);
        Assert.Equal(plaintext, key.Open(first, Aad));
        Assert.DoesNotContain("Sigrid", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void Content_does_not_open_under_other_associated_data_or_another_key()
    {
        using var key = DataKey.Create("a1");
        var sealedBytes = key.Seal("anteckning"u8, Aad);
        Assert.ThrowsAny<CryptographicException>(() => key.Open(sealedBytes, Encoding.UTF8.GetBytes("assignment a2")));
        using var other = DataKey.Create("a1");
        Assert.ThrowsAny<CryptographicException>(() => other.Open(sealedBytes, Aad));
        sealedBytes[5] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => key.Open(sealedBytes, Aad));
    }

    [Fact]
    public void The_person_reference_is_stable_per_key_and_unlinkable_across_keys()
    {
        const string number = "191212121212";
        using var key = DataKey.Create("a1");
        var material = key.Material.ToArray();
        using var same = DataKey.FromMaterial(material, "a1");
        using var other = DataKey.Create("a2");

        Assert.Equal(key.PersonReference(number), same.PersonReference(number));
        Assert.NotEqual(key.PersonReference(number), other.PersonReference(number));
        Assert.NotEqual(key.PersonReference(number), key.PersonReference("191212121213"));
        Assert.StartsWith("po_", key.PersonReference(number));
        Assert.DoesNotContain(number, key.PersonReference(number));
    }

    [Fact]
    public void Purposes_use_separate_subkeys()
    {
        using var key = DataKey.Create("a1");
        var request = Encoding.ASCII.GetBytes("191212121212");
        var fingerprint = key.Fingerprint(request);
        Assert.Equal(fingerprint, key.Fingerprint(request));
        // Neither the raw key nor the pseudonym key gives the fingerprint.
        Assert.NotEqual(Convert.ToHexString(HMACSHA256.HashData(key.Material.ToArray(), request), 0, 16), fingerprint);
        Assert.DoesNotContain(fingerprint.ToLowerInvariant(), key.PersonReference("191212121212").ToLowerInvariant());
    }

    [Fact]
    public void Dispose_zeroes_the_key_material()
    {
        var material = RandomNumberGenerator.GetBytes(DataKey.Size);
        var key = DataKey.FromMaterial(material, "a1");
        key.Dispose();
        Assert.All(material, b => Assert.Equal(0, b));
    }
}
