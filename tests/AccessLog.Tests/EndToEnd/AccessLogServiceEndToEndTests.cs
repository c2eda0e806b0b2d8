using Grpc.Core;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Common.V1;
using Samverkan.TestSupport.Store;

namespace Samverkan.AccessLog.Tests.EndToEnd;

// Real tokens, real HTTP/2, real store: eva.strom audits for Falun (2080), nils.moberg for Mora (2062).
public sealed class AccessLogServiceEndToEndTests(AccessLogPlatform platform) : IClassFixture<AccessLogPlatform>
{
    private const string Person = "191212121212";

    private async Task<(long Falun, long Mora)> SeedAsync()
    {
        var auditor = await platform.AsUserAsync("eva.strom");
        long before;
        try
        {
            before = (await platform.Client.GetChainHeadAsync(new GetChainHeadRequest(), auditor)).Sequence;
        }
        catch (RpcException e)
        {
            throw new InvalidOperationException(platform.ServiceOutput, e);
        }
        var person = platform.PersonReferences.For(Person);
        await platform.ProduceAsync(
            TestRecords.Access(organisation: "2080", unit: "2080-soc", subject: platform.SubjectOf("anna.lind"), personRef: person, at: DateTimeOffset.UtcNow.AddMinutes(-5)),
            TestRecords.Access(organisation: "2062", unit: "2062-soc", subject: platform.SubjectOf("erik.berg"), personRef: person, at: DateTimeOffset.UtcNow.AddMinutes(-4)));
        await platform.WaitForChainAsync(before + 2, auditor);
        return (before + 1, before + 2);
    }

    [StoreFact]
    public async Task An_auditor_of_Falun_cannot_see_accesses_by_Mora_users()
    {
        var (falunEntry, moraEntry) = await SeedAsync();
        var falun = await platform.AsUserAsync("eva.strom");
        var mora = await platform.AsUserAsync("nils.moberg");
        var byPerson = new QueryAccessesRequest { Person = new PersonalIdentityNumber { Value = Person } };

        var seenByFalun = await platform.Client.QueryAccessesAsync(byPerson, falun);
        var seenByMora = await platform.Client.QueryAccessesAsync(byPerson, mora);
        var moraUserAsFalun = await platform.Client.QueryAccessesAsync(
            new QueryAccessesRequest { UserSubject = platform.SubjectOf("erik.berg") }, falun);
        var moraEntryAsFalun = await Assert.ThrowsAsync<RpcException>(() =>
            platform.Client.GetAccessAsync(new GetAccessRequest { Sequence = moraEntry }, falun).ResponseAsync);
        var moraUnitAsFalun = await Assert.ThrowsAsync<RpcException>(() =>
            platform.Client.QueryAccessesAsync(new QueryAccessesRequest { Unit = new UnitRef { Id = "2062-soc" } }, falun).ResponseAsync);

        Assert.Contains(seenByFalun.Entries, e => e.Sequence == falunEntry);
        Assert.All(seenByFalun.Entries, e => Assert.Equal("2080", e.Record.OrganisationCode));
        Assert.Contains(seenByMora.Entries, e => e.Sequence == moraEntry);
        Assert.All(seenByMora.Entries, e => Assert.Equal("2062", e.Record.OrganisationCode));
        Assert.Empty(moraUserAsFalun.Entries);
        Assert.Equal(StatusCode.NotFound, moraEntryAsFalun.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, moraUnitAsFalun.StatusCode);
    }

    [StoreFact]
    public async Task Callers_without_the_auditor_role_or_without_a_token_are_refused()
    {
        var staff = await platform.AsUserAsync("anna.lind");

        var withoutRole = await Assert.ThrowsAsync<RpcException>(() => platform.Client.QueryAccessesAsync(new QueryAccessesRequest(), staff).ResponseAsync);
        var withoutToken = await Assert.ThrowsAsync<RpcException>(() => platform.Client.QueryAccessesAsync(new QueryAccessesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, withoutRole.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, withoutToken.StatusCode);
    }

    [StoreFact]
    public async Task An_auditors_read_is_itself_recorded_and_chained()
    {
        var (falunEntry, _) = await SeedAsync();
        var falun = await platform.AsUserAsync("eva.strom");

        await platform.Client.GetAccessAsync(new GetAccessRequest { Sequence = falunEntry }, falun);
        var own = await platform.Client.QueryAccessesAsync(new QueryAccessesRequest { UserSubject = platform.SubjectOf("eva.strom") }, falun);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!own.Entries.Any(e => e.Record.Resource == $"access-log-entry/{falunEntry}"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The auditor's own read never reached the chain.");
            await Task.Delay(200);
            own = await platform.Client.QueryAccessesAsync(new QueryAccessesRequest { UserSubject = platform.SubjectOf("eva.strom") }, falun);
        }

        var read = own.Entries.First(e => e.Record.Resource == $"access-log-entry/{falunEntry}").Record;
        Assert.Equal(("2080", "2080-soc", AccessAction.Read, platform.PersonReferences.For(Person)),
            (read.OrganisationCode, read.UnitId, read.Action, read.PersonRef));
        Assert.DoesNotContain(Person, platform.ServiceOutput);
    }

    [StoreFact]
    public async Task The_person_extract_is_Swedish_and_covers_the_own_organisation()
    {
        await SeedAsync();
        var falun = await platform.AsUserAsync("eva.strom");

        var extract = await platform.Client.GetPersonLogExtractAsync(
            new GetPersonLogExtractRequest { Person = new PersonalIdentityNumber { Value = Person } }, falun);

        Assert.Contains(extract.Lines, l => l.Text.StartsWith("Falu kommun, Socialtjänsten, Falun, läste uppgifter ", StringComparison.Ordinal));
        Assert.DoesNotContain(extract.Lines, l => l.OrganisationCode != "2080");
    }

    [StoreFact]
    public async Task A_read_whose_access_record_cannot_be_written_returns_no_data()
    {
        await SeedAsync();
        var falun = await platform.AsUserAsync("eva.strom");
        var byPerson = new QueryAccessesRequest { Person = new PersonalIdentityNumber { Value = Person } };
        Assert.NotEmpty((await platform.Client.QueryAccessesAsync(byPerson, falun)).Entries);

        // Redis refuses every write (no replica to satisfy min-replicas-to-write) but still serves
        // reads: the entries can be read, their access record cannot be committed.
        if (platform.Store.Kind != StoreKind.Redis) return;
        await platform.Database.ExecuteAsync("CONFIG", "SET", "min-replicas-to-write", "1");
        try
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => platform.Client.QueryAccessesAsync(byPerson, falun).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            Assert.Contains("could not record this read", refused.Status.Detail);
        }
        finally
        {
            await platform.Database.ExecuteAsync("CONFIG", "SET", "min-replicas-to-write", "0");
        }
        Assert.NotEmpty((await platform.Client.QueryAccessesAsync(byPerson, falun)).Entries);
    }

    [StoreFact]
    public async Task With_the_store_down_a_read_fails_and_verification_works_again_after()
    {
        await SeedAsync();
        var falun = await platform.AsUserAsync("eva.strom");

        await platform.Store.KillAsync();
        try
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => platform.Client.QueryAccessesAsync(new QueryAccessesRequest(), falun).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        }
        finally
        {
            await platform.Store.StartAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                Assert.True((await platform.Client.VerifyChainAsync(new VerifyChainRequest(), falun)).Intact);
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
