using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Relatives.V1;
using static Samverkan.RelativeSupport.Tests.Integration.RelativeListTests;

namespace Samverkan.RelativeSupport.Tests.Integration;

// Skyddad identitet through the gateway with real tokens: the address and contact details reach only
// the registering municipality's consultants reading the one relative; lists, the incoming referral
// list, the referrer, statistics and logs never carry them; every access is flagged.
[Collection(RelativePlatformCollection.Name)]
public sealed class ProtectedIdentityTests(RelativePlatform platform)
{
    private const string Street = "Hemlig väg 7";

    [PlatformFact]
    public async Task A_protected_relatives_contact_details_are_read_only_one_by_one_by_their_consultants_and_every_access_is_flagged()
    {
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var own = await platform.Client.RegisterRelativeAsync(Registration("Skyddadsson", protectedIdentity: true), borlange);
        var caredFor = Registration("Vårdtagarskydd");
        caredFor.CaredFor = new CaredForPerson { ProtectedIdentity = true };
        var byCaredFor = await platform.Client.RegisterRelativeAsync(caredFor, borlange);

        var read = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = own.RelativeId }, borlange);
        Assert.True(read.Details.ProtectedIdentity);
        Assert.Equal(Street, read.Details.Address.Street);
        Assert.Equal("78433", read.Details.Address.PostalCode);
        Assert.Equal("070-444 55 66", read.Details.Phone);

        var rows = new List<RelativeSummary>();
        var token = "";
        do
        {
            var page = await platform.Client.ListRelativesAsync(new ListRelativesRequest { MunicipalityCode = "2081", Page = new PageRequest { PageSize = 200, PageToken = token } }, borlange);
            rows.AddRange(page.Relatives);
            token = page.NextPageToken;
        } while (token.Length > 0);
        foreach (var id in new[] { own.RelativeId, byCaredFor.RelativeId })
        {
            var row = Assert.Single(rows, r => r.RelativeId == id);
            Assert.True(row.ProtectedIdentity);
            Assert.Equal(new RelativeSummary { RelativeId = id, Version = row.Version, RegisteredOn = row.RegisteredOn, State = RelativeState.Open, ProtectedIdentity = true }, row);
        }

        var records = (await platform.AccessRecordsAsync()).Where(r => r.Resource == own.RelativeId || r.Resource == byCaredFor.RelativeId).ToList();
        Assert.Contains(records, r => r.Action == Contracts.Audit.V1.AccessAction.Create);
        Assert.Contains(records, r => r.Purpose == "ListRelatives");
        Assert.Contains(records, r => r.Purpose == "GetRelative");
        Assert.All(records, r => Assert.True(r.ProtectedIdentity));
        Assert.DoesNotContain(Street, platform.ServiceOutput);
        Assert.DoesNotContain("Skyddadsson", platform.ServiceOutput);
    }

    [PlatformFact]
    public async Task A_protected_referral_shows_the_municipality_only_its_flag_until_accepted_and_the_referrer_only_its_status()
    {
        var ward = await platform.AsUserAsync(ReferralEndToEndTests.Ward);
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var request = ReferralEndToEndTests.Referral("Skyddadreferens");
        request.Relative.ProtectedIdentity = true;
        request.Relative.Address = new PostalAddress { Street = Street, PostalCode = "78433", City = "Borlänge" };
        var receipt = await platform.Client.ReferRelativeAsync(request, ward);
        Assert.Equal(new ReferralReceipt { ReferralId = receipt.ReferralId, Status = ReferralStatus.Received }, receipt);

        var incoming = await platform.Client.ListIncomingReferralsAsync(new ListIncomingReferralsRequest { Page = new PageRequest { PageSize = 200 } }, borlange);
        var row = Assert.Single(incoming.Referrals, r => r.ReferralId == receipt.ReferralId);
        Assert.Equal(new RelativeDetails { ProtectedIdentity = true }, row.Relative);
        Assert.Equal("", row.Need);

        var accepted = await platform.Client.AcceptReferralAsync(new AcceptReferralRequest
        { RequestId = Guid.NewGuid().ToString(), ReferralId = receipt.ReferralId, ExpectedVersion = row.Version }, borlange);
        var relative = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = accepted.RelativeId }, borlange);
        Assert.Equal(Street, relative.Details.Address.Street);
        Assert.Equal("Skyddadreferens", relative.Details.FamilyName);

        var status = await platform.Client.GetReferralStatusAsync(new GetReferralStatusRequest { ReferralId = receipt.ReferralId }, ward);
        Assert.Equal(new ReferralReceipt { ReferralId = receipt.ReferralId, Status = ReferralStatus.Accepted }, status);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = accepted.RelativeId }, ward).ResponseAsync)).StatusCode);
        var falun = await platform.AsUserAsync(ReferralEndToEndTests.Falun);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = accepted.RelativeId }, falun).ResponseAsync)).StatusCode);

        Assert.All((await platform.AccessRecordsAsync()).Where(r => r.Resource == receipt.ReferralId || r.Resource == accepted.RelativeId),
            r => Assert.True(r.ProtectedIdentity));
    }

    [PlatformFact]
    public async Task Statistics_count_protected_relatives_without_sex_and_age_band()
    {
        // Falun: no other test registers relatives there.
        var falun = await platform.AsUserAsync(ReferralEndToEndTests.Falun);
        var before = await Statistics();
        for (var i = 0; i < 2; i++)
        {
            var registration = Registration("Statistikskydd", municipality: "2080", protectedIdentity: true);
            registration.Relative.Sex = Sex.Male;
            registration.Relative.BirthYear = 1931;
            await platform.Client.RegisterRelativeAsync(registration, falun);
        }
        var after = await Statistics();
        Assert.DoesNotContain(after.RelativesSupported, c => c.Dimension == "sex=male;age=80+");
        var unknown = Assert.Single(after.RelativesSupported, c => c.Dimension == "sex=unknown;age=unknown");
        Assert.Equal((before.RelativesSupported.SingleOrDefault(c => c.Dimension == "sex=unknown;age=unknown")?.Value ?? 0) + 2, unknown.Value);

        async Task<Statistics> Statistics() => await platform.Client.GetStatisticsAsync(
            new GetStatisticsRequest { MunicipalityCode = "2080", Year = DateTime.UtcNow.Year }, await platform.AsUserAsync(ReferralEndToEndTests.Analyst));
    }
}
