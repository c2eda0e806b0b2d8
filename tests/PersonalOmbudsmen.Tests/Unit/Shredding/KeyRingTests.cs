using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Tests.Support;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Shredding;

public class KeyRingTests
{
    [Fact]
    public void Wraps_and_unwraps_a_data_key_for_its_assignment()
    {
        var ring = TestKeys.Ring();
        using var key = DataKey.Create("a1");
        var wrapped = ring.Wrap(key.Material, "a1");

        Assert.Equal(key.Material.ToArray(), ring.Unwrap(wrapped, "a1"));
        Assert.DoesNotContain(Convert.ToHexString(key.Material), Convert.ToHexString(wrapped));
        Assert.Equal("k1", KeyRing.KeyIdOf(wrapped));
    }

    [Fact]
    public void A_wrapped_key_moved_to_another_assignment_does_not_open()
    {
        var ring = TestKeys.Ring();
        using var key = DataKey.Create("a1");
        var wrapped = ring.Wrap(key.Material, "a1");
        Assert.ThrowsAny<CryptographicException>(() => ring.Unwrap(wrapped, "a2"));
    }

    [Fact]
    public void A_tampered_wrapped_key_does_not_open()
    {
        var ring = TestKeys.Ring();
        using var key = DataKey.Create("a1");
        var wrapped = ring.Wrap(key.Material, "a1");
        wrapped[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => ring.Unwrap(wrapped, "a1"));
    }

    [Fact]
    public void Another_ring_cannot_unwrap()
    {
        using var key = DataKey.Create("a1");
        var wrapped = TestKeys.Ring().Wrap(key.Material, "a1");
        Assert.ThrowsAny<CryptographicException>(() => TestKeys.Ring().Unwrap(wrapped, "a1"));
    }

    [Fact]
    public void After_rotation_old_keys_open_until_their_kek_is_retired()
    {
        var old = TestKeys.Options("k1");
        using var key = DataKey.Create("a1");
        var wrappedOld = TestKeys.Ring(old).Wrap(key.Material, "a1");

        var rotated = new KeyEncryptionOptions { ActiveKeyId = "k2", Keys = new(old.Keys) { ["k2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } };
        var ring = TestKeys.Ring(rotated);
        Assert.True(ring.NeedsRewrap(wrappedOld));
        Assert.Equal(key.Material.ToArray(), ring.Unwrap(wrappedOld, "a1"));
        var rewrapped = ring.Wrap(ring.Unwrap(wrappedOld, "a1"), "a1");
        Assert.False(ring.NeedsRewrap(rewrapped));

        // The old KEK is deleted once no backup holds keys wrapped with it: such copies are dead.
        var retired = TestKeys.Ring(new KeyEncryptionOptions { ActiveKeyId = "k2", Keys = new() { ["k2"] = rotated.Keys["k2"] } });
        Assert.Equal(key.Material.ToArray(), retired.Unwrap(rewrapped, "a1"));
        var dead = Assert.ThrowsAny<CryptographicException>(() => retired.Unwrap(wrappedOld, "a1"));
        Assert.Contains("k1", dead.Message);
    }

    [Theory]
    [InlineData("", "k1")]
    [InlineData("k2", "k1")]
    public void An_active_key_that_is_not_configured_fails_at_start(string active, string configured)
    {
        var options = TestKeys.Options(configured);
        options.ActiveKeyId = active;
        var failure = Assert.Throws<InvalidOperationException>(() => new KeyRing(Options.Create(options)));
        Assert.Contains("ActiveKeyId", failure.Message);
    }

    [Fact]
    public void A_key_of_the_wrong_size_fails_at_start()
    {
        var options = new KeyEncryptionOptions { ActiveKeyId = "k1", Keys = new() { ["k1"] = Convert.ToBase64String(new byte[16]) } };
        var failure = Assert.Throws<InvalidOperationException>(() => new KeyRing(Options.Create(options)));
        Assert.Contains("32 bytes", failure.Message);
        Assert.DoesNotContain(options.Keys["k1"], failure.Message);
    }
}
