using Grpc.Core;
using Samverkan.Contracts.Relatives.V1;

namespace Samverkan.RelativeSupport.Tests.Integration;

// A region ward refers a relative to Borlänge through the gateway with real tokens: Borlänge's
// relative consultant sees and accepts it, the ward sees only the status, Falun sees nothing.
[Collection(RelativePlatformCollection.Name)]
public sealed class ReferralEndToEndTests(RelativePlatform platform)
{
    public const string Ward = "karin.nyberg";          // Region Dalarna, inpatient ward 20-slv-falun-med
    public const string Borlange = "sara.falk";         // relative consultant, Borlänge (2081)
    public const string Falun = "greta.lund";           // relative consultant, Falun (2080)
    public const string Analyst = "ingrid.wall";

    public static ReferRelativeRequest Referral(string familyName, string municipality = "2081", bool consent = true) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        ReferringUnitId = "20-slv-falun-med",
        ToMunicipalityCode = municipality,
        Relative = new RelativeDetails { GivenName = "Ingegerd", FamilyName = familyName, BirthYear = 1955, Sex = Sex.Female, Phone = "070-555 12 34" },
        Relationship = Relationship.Partner,
        ConsentGiven = consent,
        Need = "Orkar inte längre med nattvaken",
    };

    [PlatformFact]
    public async Task A_referral_from_a_region_ward_is_seen_and_accepted_by_the_municipality_and_only_its_status_by_the_ward()
    {
        var ward = await platform.AsUserAsync(Ward);
        var borlange = await platform.AsUserAsync(Borlange);
        var falun = await platform.AsUserAsync(Falun);

        var request = Referral("Hällström");
        var receipt = await platform.Client.ReferRelativeAsync(request, ward);
        Assert.Equal(ReferralStatus.Received, receipt.Status);
        // A retry with the same request_id is the same referral, not a second one.
        Assert.Equal(receipt.ReferralId, (await platform.Client.ReferRelativeAsync(request, ward)).ReferralId);

        var incoming = await platform.Client.ListIncomingReferralsAsync(new ListIncomingReferralsRequest(), borlange);
        var seen = Assert.Single(incoming.Referrals, r => r.ReferralId == receipt.ReferralId);
        Assert.Equal("Hällström", seen.Relative.FamilyName);
        Assert.Equal("20-slv-falun-med", seen.ReferringUnitId);

        // Another municipality's consultant cannot see or accept it.
        Assert.DoesNotContain((await platform.Client.ListIncomingReferralsAsync(new ListIncomingReferralsRequest(), falun)).Referrals,
            r => r.ReferralId == receipt.ReferralId);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => platform.Client.AcceptReferralAsync(
            new AcceptReferralRequest { RequestId = Guid.NewGuid().ToString(), ReferralId = receipt.ReferralId, ExpectedVersion = seen.Version }, falun).ResponseAsync)).StatusCode);
        // Neither can Falun read the ward's referral status.
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => platform.Client.GetReferralStatusAsync(
            new GetReferralStatusRequest { ReferralId = receipt.ReferralId }, falun).ResponseAsync)).StatusCode);

        var accepted = await platform.Client.AcceptReferralAsync(
            new AcceptReferralRequest { RequestId = Guid.NewGuid().ToString(), ReferralId = receipt.ReferralId, ExpectedVersion = seen.Version }, borlange);
        var status = await platform.Client.GetReferralStatusAsync(new GetReferralStatusRequest { ReferralId = receipt.ReferralId }, ward);
        Assert.Equal(ReferralStatus.Accepted, status.Status);
        Assert.Equal(receipt.ReferralId, status.ReferralId);

        // The ward cannot read the relative; Falun does not find them; Borlänge does.
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => platform.Direct.GetRelativeAsync(
            new GetRelativeRequest { RelativeId = accepted.RelativeId }, ward).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => platform.Client.GetRelativeAsync(
            new GetRelativeRequest { RelativeId = accepted.RelativeId }, falun).ResponseAsync)).StatusCode);
        var relative = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = accepted.RelativeId }, borlange);
        Assert.Equal("Hällström", relative.Details.FamilyName);
        Assert.Equal(receipt.ReferralId, relative.ReferralId);
        Assert.Single(relative.Needs);

        // Every access to the personal data left an access record naming the user.
        var records = await platform.AccessRecordsAsync();
        Assert.Contains(records, r => r.Resource == receipt.ReferralId && r.Username == Ward && r.Action == Contracts.Audit.V1.AccessAction.Disclose);
        Assert.Contains(records, r => r.Resource == receipt.ReferralId && r.Username == Borlange && r.Action == Contracts.Audit.V1.AccessAction.Read);
        Assert.Contains(records, r => r.Resource == accepted.RelativeId && r.Username == Borlange && r.Action == Contracts.Audit.V1.AccessAction.Read);

        // The analyst sees the referral among the counts (threshold 2 in this platform) and no personal data.
        var statistics = await platform.Client.GetStatisticsAsync(
            new GetStatisticsRequest { MunicipalityCode = "2081", Year = DateTime.UtcNow.Year }, await platform.AsUserAsync(Analyst));
        Assert.Contains(statistics.Referrals, c => c.Dimension == "source=region;child=no");
        Assert.DoesNotContain("Hällström", statistics.ToString());
        // Nor does the service's own log output carry the relative's data.
        Assert.DoesNotContain("Hällström", platform.ServiceOutput);
        Assert.DoesNotContain("070-555", platform.ServiceOutput);
    }

    [PlatformFact]
    public async Task Support_is_offered_from_the_catalogue_followed_up_and_bad_input_changes_nothing()
    {
        var borlange = await platform.AsUserAsync(Borlange);
        var registered = await platform.Client.RegisterRelativeAsync(new RegisterRelativeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            MunicipalityCode = "2081",
            Relative = new RelativeDetails { GivenName = "Bertil", FamilyName = "Åkerlund", BirthYear = 1948, Sex = Sex.Male },
            Relationship = Relationship.Partner,
            ConsentToRegistration = true,
        }, borlange);

        var catalogue = await platform.Client.GetSupportCatalogueAsync(new GetSupportCatalogueRequest { MunicipalityCode = "2081" }, borlange);
        var set = new SetSupportCatalogueRequest { RequestId = Guid.NewGuid().ToString(), MunicipalityCode = "2081", ExpectedVersion = catalogue.Version };
        set.Forms.Add([SupportForm.Conversation, SupportForm.Group, SupportForm.RespiteAtHome]);
        await platform.Client.SetSupportCatalogueAsync(set, borlange);

        async Task<StatusCode> Refused(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;
        var today = new Google.Type.Date { Year = DateTime.UtcNow.Year, Month = DateTime.UtcNow.Month, Day = DateTime.UtcNow.Day };

        Assert.Equal(StatusCode.FailedPrecondition, await Refused(() => platform.Client.OfferSupportAsync(new OfferSupportRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = registered.Version, Form = SupportForm.Recreation, OfferedOn = today }, borlange).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refused(() => platform.Client.RecordNeedAsync(new RecordNeedRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = registered.Version, Text = new string('x', 2_001), RecordedOn = today }, borlange).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refused(() => platform.Client.RegisterRelativeAsync(new RegisterRelativeRequest
        {
            RequestId = Guid.NewGuid().ToString(), MunicipalityCode = "2081", Relationship = Relationship.Parent, ConsentToRegistration = true,
            Relative = new RelativeDetails { GivenName = "A", FamilyName = "B", PersonalIdentityNumber = "195501011234" },
        }, borlange).ResponseAsync));
        var ward = await platform.AsUserAsync(Ward);
        Assert.Equal(StatusCode.InvalidArgument, await Refused(() => platform.Client.ReferRelativeAsync(Referral("Okänd", municipality: "9999"),
            ward).ResponseAsync));
        Assert.Equal(StatusCode.FailedPrecondition, await Refused(() => platform.Client.ReferRelativeAsync(Referral("Utan samtycke", consent: false),
            ward).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Refused(() => platform.Client.RegisterRelativeAsync(new RegisterRelativeRequest
        {
            RequestId = Guid.NewGuid().ToString(), MunicipalityCode = "2080", Relationship = Relationship.Parent, ConsentToRegistration = true,
            Relative = new RelativeDetails { GivenName = "A", FamilyName = "B" },
        }, borlange).ResponseAsync));

        var unchanged = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = registered.RelativeId }, borlange);
        Assert.Equal(registered.Version, unchanged.Version);
        Assert.Empty(unchanged.Needs);
        Assert.Empty(unchanged.Supports);

        var offered = await platform.Client.OfferSupportAsync(new OfferSupportRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = registered.Version, Form = SupportForm.RespiteAtHome, OfferedOn = today }, borlange);
        var contact = await platform.Client.AssignSupportContactAsync(new AssignSupportContactRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = offered.Version, SupportContact = "Maj Berg" }, borlange);
        // A stale expected_version is refused.
        Assert.Equal(StatusCode.FailedPrecondition, await Refused(() => platform.Client.RecordFollowUpAsync(new RecordFollowUpRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = offered.Version, FollowedUpOn = today, Note = "x" }, borlange).ResponseAsync));
        await platform.Client.RecordFollowUpAsync(new RecordFollowUpRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = contact.Version, FollowedUpOn = today, Note = "Avlösningen fungerar" }, borlange);

        var relative = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = registered.RelativeId }, borlange);
        Assert.Equal("Maj Berg", relative.SupportContact);
        Assert.Equal(SupportForm.RespiteAtHome, Assert.Single(relative.Supports).Form);
        Assert.Single(relative.FollowUps);
    }

    [PlatformFact]
    public async Task Json_transcoding_reads_a_referral_status_through_the_gateway()
    {
        var ward = await platform.AsUserAsync(Ward);
        var receipt = await platform.Client.ReferRelativeAsync(Referral("Jsonsson"), ward);
        using var http = new HttpClient { BaseAddress = platform.JsonAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync(Ward));
        var body = await http.GetStringAsync($"/api/relatives/v1/referrals/{receipt.ReferralId}/status");
        Assert.Contains("REFERRAL_STATUS_RECEIVED", body);
        Assert.DoesNotContain("Jsonsson", body);
    }
}
