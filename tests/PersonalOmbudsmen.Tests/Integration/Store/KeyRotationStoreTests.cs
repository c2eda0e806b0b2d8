using System.Security.Cryptography;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Store;

// Rotation of the key-encryption key on a real store: live keys move to the new KEK, after which
// the old KEK can be deleted and the assignments still open; a copy of a key wrapped with the old
// KEK (as an old backup would hold) no longer opens.
public class KeyRotationStoreTests(StoreServerFixture fixture) : IClassFixture<StoreServerFixture>
{
    [StoreFact]
    public async Task Live_keys_are_rewrapped_and_old_copies_die_with_the_retired_kek()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString);
        var store = new RedisDocumentStore(connection, new StoreKeyspace("ombud-" + Guid.NewGuid().ToString("N")[..8]));
        var before = TestKeys.Options("k1");
        var ids = new List<string>();
        foreach (var municipality in new[] { "2080", "2021", "2080" })
        {
            var assignment = TestClients.Open(municipality: municipality);
            using var key = DataKey.Create(assignment.Id);
            var work = new UnitOfWork();
            new AssignmentRepository(store, TestKeys.Ring(before)).StageOpen(work, assignment, key);
            Assert.IsType<Committed>(await store.CommitAsync(work));
            ids.Add(assignment.Id);
        }
        var oldCopy = (await store.GetAsync(OmbudStore.DataKeys, ids[0]))!.Data.ToArray();

        var rotated = new KeyEncryptionOptions { ActiveKeyId = "k2", Keys = new(before.Keys) { ["k2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } };
        var rewrap = new DataKeyRewrap(store, TestKeys.Ring(rotated), TestClients.Directory);
        Assert.Equal((3, 0), await rewrap.RunAsync(default));
        Assert.Equal((0, 0), await rewrap.RunAsync(default));

        var retired = TestKeys.Ring(new KeyEncryptionOptions { ActiveKeyId = "k2", Keys = new() { ["k2"] = rotated.Keys["k2"] } });
        var repository = new AssignmentRepository(store, retired);
        foreach (var id in ids)
        {
            using var loaded = (await repository.LoadAsync(id, default))!;
            Assert.Equal("Sigrid", loaded.Assignment.Client!.GivenName);
        }
        Assert.ThrowsAny<CryptographicException>(() => retired.Unwrap(oldCopy, ids[0]));
    }
}
