using System.Text;
using Samverkan.Contracts.Relatives.V1;
using StackExchange.Redis;

namespace Samverkan.RelativeSupport.Tests.Integration;

// A relative withdraws consent: nothing personal is left in the store, neither in any key or value
// nor in redis-server's append-only files once the log is rewritten. Only anonymous counts remain.
[Collection(RelativePlatformCollection.Name)]
public sealed class ErasureTests(RelativePlatform platform)
{
    [PlatformFact]
    public async Task Withdrawn_consent_leaves_nothing_personal_in_keys_values_or_the_rewritten_append_only_file()
    {
        var ward = await platform.AsUserAsync(ReferralEndToEndTests.Ward);
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        // Distinctive markers for everything personal: name, number, phone, e-mail, free text, support contact.
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        const string Number = "197803152383";
        var referral = new ReferRelativeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ReferringUnitId = "20-slv-falun-med",
            ToMunicipalityCode = "2081",
            Relative = new RelativeDetails
            {
                GivenName = marker + "given", FamilyName = marker + "family", PersonalIdentityNumber = Number,
                Phone = "070-" + marker[2..8], Email = marker + "@example.se",
            },
            Relationship = Relationship.Parent,
            ConsentGiven = true,
            Need = marker + " behöver samtalsstöd",
        };
        var receipt = await platform.Client.ReferRelativeAsync(referral, ward);
        var incoming = await platform.Client.ListIncomingReferralsAsync(new ListIncomingReferralsRequest(), borlange);
        var version = incoming.Referrals.Single(r => r.ReferralId == receipt.ReferralId).Version;
        var accepted = await platform.Client.AcceptReferralAsync(
            new AcceptReferralRequest { RequestId = Guid.NewGuid().ToString(), ReferralId = receipt.ReferralId, ExpectedVersion = version }, borlange);
        var contact = await platform.Client.AssignSupportContactAsync(new AssignSupportContactRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = accepted.RelativeId, ExpectedVersion = accepted.Version, SupportContact = marker + "contact" }, borlange);

        // A relative who stays: their data must still be found by the same scan (the scan can see).
        var keeper = "Kq" + Guid.NewGuid().ToString("N")[..10];
        await platform.Client.RegisterRelativeAsync(new RegisterRelativeRequest
        {
            RequestId = Guid.NewGuid().ToString(), MunicipalityCode = "2081", Relationship = Relationship.Sibling, ConsentToRegistration = true,
            Relative = new RelativeDetails { GivenName = keeper, FamilyName = "Kvar" },
        }, borlange);

        Assert.NotEmpty(await KeysAndValuesContainingAsync(marker));
        await platform.Client.WithdrawConsentAsync(new WithdrawConsentRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = accepted.RelativeId, ExpectedVersion = contact.Version }, borlange);

        Assert.Empty(await KeysAndValuesContainingAsync(marker));
        Assert.Empty(await KeysAndValuesContainingAsync(Number));
        Assert.Empty(await KeysAndValuesContainingAsync(Number[2..]));
        Assert.NotEmpty(await KeysAndValuesContainingAsync(keeper));

        // The referrer still gets an answer, and it says nothing personal.
        Assert.Equal(ReferralStatus.Withdrawn,
            (await platform.Client.GetReferralStatusAsync(new GetReferralStatusRequest { ReferralId = receipt.ReferralId }, ward)).Status);

        // Rewrite the append-only file (uncompressed, so a string in it is visible to the scan).
        var server = platform.StoreConnection.GetServers().Single();
        await server.ConfigSetAsync("rdbcompression", "no");
        await server.ExecuteAsync("BGREWRITEAOF");
        await WaitForRewriteAsync(server);
        var files = Directory.GetFiles(platform.Store.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var contents = files.Select(File.ReadAllBytes).ToList();
        Assert.Contains(contents, c => Contains(c, keeper));
        foreach (var needle in new[] { marker, Number, Number[2..] })
        {
            Assert.DoesNotContain(contents, c => Contains(c, needle));
        }
    }

    private async Task<IReadOnlyList<string>> KeysAndValuesContainingAsync(string needle)
    {
        var server = platform.StoreConnection.GetServers().Single();
        var database = platform.StoreConnection.GetDatabase();
        var hits = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 500))
        {
            if (key.ToString().Contains(needle, StringComparison.Ordinal)) hits.Add(key!);
            var values = await database.KeyTypeAsync(key) switch
            {
                RedisType.String => [(byte[])(await database.StringGetAsync(key))!],
                RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { (byte[])e.Name!, (byte[])e.Value! }).ToArray(),
                RedisType.List => (await database.ListRangeAsync(key)).Select(v => (byte[])v!).ToArray(),
                RedisType.Set => (await database.SetMembersAsync(key)).Select(v => (byte[])v!).ToArray(),
                RedisType.SortedSet => (await database.SortedSetRangeByRankAsync(key)).Select(v => (byte[])v!).ToArray(),
                var other => throw new InvalidOperationException($"Key type {other} is not scanned."),
            };
            if (values.Any(v => Contains(v, needle))) hits.Add(key!);
        }
        return hits;
    }

    private static async Task WaitForRewriteAsync(IServer server)
    {
        for (var i = 0; i < 200; i++)
        {
            var info = (await server.InfoAsync("persistence")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
            if (info["aof_rewrite_in_progress"] == "0" && info["aof_rewrite_scheduled"] == "0") return;
            await Task.Delay(50);
        }
        throw new TimeoutException("BGREWRITEAOF did not finish in 10 s.");
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
