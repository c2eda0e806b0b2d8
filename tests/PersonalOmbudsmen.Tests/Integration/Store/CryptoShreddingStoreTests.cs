using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.SharedKernel.Identity;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Store;

// The repository against a real store: while open, nothing personal is readable in the store or its
// files (only ciphertext and a wrapped key); after closing and compaction, not even those remain,
// while the anonymous statistics record does.
public class CryptoShreddingStoreTests(StoreServerFixture fixture) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = TestClients.Now;

    [StoreFact]
    public async Task Closing_leaves_no_personal_data_no_key_and_no_ciphertext_in_the_store_or_its_files()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString + ",allowAdmin=true");
        var store = new RedisDocumentStore(connection, new StoreKeyspace("ombud-" + Guid.NewGuid().ToString("N")[..8]));
        var repository = new AssignmentRepository(store, TestKeys.Ring());

        var client = Client.Create(TestClients.Number(new DateOnly(1971, 4, 2), LegalSex.Male).Value, "Torbjörn", "Skogsberg-Älvén", "070-987 65 43", false);
        var assignment = Assignment.Open(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "2039", "2039-po", TestClients.Directory,
            client, Now.AddDays(-40), MandateForm.Written, [Area.Economy], ["Bli skuldfri före sommaren hos Kronofogden"], Now);
        using (var key = DataKey.Create(assignment.Id))
        {
            var work = new UnitOfWork();
            repository.StageOpen(work, assignment, key);
            Assert.IsType<Committed>(await store.CommitAsync(work));
        }

        using (var loaded = (await repository.LoadAsync(assignment.Id, default))!)
        {
            var before = loaded.Assignment.Statistic();
            loaded.Assignment.AddNote("Klienten berättade om spelskulderna och oron för lägenheten", Now);
            loaded.Assignment.RecordContact(AuthorityKind.Kronofogden, "Kronofogden Gävle", "Skuldsanering för klienten", Now.AddDays(-1), Now);
            loaded.Assignment.SetAreas([Area.Economy, Area.Housing]);
            var work = new UnitOfWork();
            repository.StageChange(work, loaded, before);
            Assert.IsType<Committed>(await store.CommitAsync(work));
        }

        (string, string)[] secrets =
        [
            ("personnummer", client.PersonalIdentityNumber.Value),
            ("personnummer-dash", client.PersonalIdentityNumber.Value[..8] + "-" + client.PersonalIdentityNumber.Value[8..]),
            ("personnummer-10", client.PersonalIdentityNumber.Value[2..8] + "-" + client.PersonalIdentityNumber.Value[8..]),
            ("family name", "Skogsberg-Älvén"),
            ("phone", "070-987 65 43"),
            ("goal", "Bli skuldfri före sommaren"),
            ("note", "spelskulderna och oron"),
            ("contact", "Skuldsanering för klienten"),
        ];

        // While open: the content reads back, the store and its files hold ciphertext and a wrapped
        // key (the scan finds those, so it sees the data), but never a readable secret.
        var wrappedKey = (await store.GetAsync(OmbudStore.DataKeys, assignment.Id))!.Data.ToArray();
        var sealedDocument = (await store.GetAsync(OmbudStore.Assignments, assignment.Id))!.Data.ToArray();
        using (var reread = (await repository.LoadAsync(assignment.Id, default))!)
        {
            Assert.Equal("Torbjörn", reread.Assignment.Client!.GivenName);
            Assert.Single(reread.Assignment.Notes);
        }
        await StoreScan.CompactAsync(connection, fixture.Server);
        var openValues = await StoreScan.KeysAndValuesAsync(connection, fixture.Server);
        var openFiles = StoreScan.Files(fixture.Server);
        Assert.True(SecretForms.ContainsBytes(openValues, wrappedKey));
        Assert.True(SecretForms.ContainsBytes(openFiles, wrappedKey), "the compacted files hold the wrapped key while open: " + StoreScan.Describe(fixture.Server));
        Assert.True(SecretForms.ContainsBytes(openFiles, sealedDocument));
        Assert.Empty(SecretForms.FindIn(openValues, secrets));
        Assert.Empty(SecretForms.FindIn(openFiles, secrets));

        // Close.
        AssignmentStatistic final;
        using (var loaded = (await repository.LoadAsync(assignment.Id, default))!)
        {
            final = loaded.Assignment.Close(Outcome.GoalsPartlyMet, Now, Now);
            var work = new UnitOfWork();
            repository.StageClose(work, loaded, final);
            Assert.IsType<Committed>(await store.CommitAsync(work));
        }

        await StoreScan.CompactAsync(connection, fixture.Server);
        var closedValues = await StoreScan.KeysAndValuesAsync(connection, fixture.Server);
        var closedFiles = StoreScan.Files(fixture.Server);
        Assert.Empty(SecretForms.FindIn(closedValues, secrets));
        Assert.Empty(SecretForms.FindIn(closedFiles, secrets));
        Assert.False(SecretForms.ContainsBytes(closedValues, wrappedKey), "the wrapped data key is still in the store");
        var ciphertext = sealedDocument[^64..];
        if (fixture.Server.Kind == StoreKind.Redis)
        {
            Assert.False(SecretForms.ContainsBytes(closedFiles, wrappedKey), "the wrapped data key is still in the store's files: " + StoreScan.FilesContaining(fixture.Server, wrappedKey));
            Assert.False(SecretForms.ContainsBytes(closedFiles, ciphertext), "ciphertext is still in the store's files: " + StoreScan.FilesContaining(fixture.Server, ciphertext));
        }
        else
        {
            // Garnet keeps overwritten and deleted records in its current AOF segment until the
            // segment is truncated after a checkpoint (README, Known limitations): there the wrapped
            // key survives until its key-encryption key is retired. Nowhere else.
            foreach (var residue in new[] { wrappedKey, ciphertext })
            {
                var files = StoreScan.FilesContaining(fixture.Server, residue);
                Assert.All(files.Split(", ", StringSplitOptions.RemoveEmptyEntries), f => Assert.StartsWith("AOF/aof.log", f));
            }
        }

        // What remains: the closed header and the anonymous record.
        using var closed = (await repository.LoadAsync(assignment.Id, default))!;
        Assert.False(closed.Assignment.IsOpen);
        Assert.Null(closed.Key);
        var record = (await store.GetAsync(OmbudStore.Statistics, final.Id))!;
        Assert.Contains("\"ClosedYear\":2026", System.Text.Encoding.UTF8.GetString(record.Data.Span));
        Assert.Contains("\"Sex\":\"Male\"", System.Text.Encoding.UTF8.GetString(record.Data.Span));
    }
}
