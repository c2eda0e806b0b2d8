using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Relatives.V1;

namespace Samverkan.RelativeSupport.Tests.Integration;

// A municipality's consultants list their own relatives through the gateway, paged and filtered;
// every relative returned is an access-logged read; nobody else can list them.
[Collection(RelativePlatformCollection.Name)]
public sealed class RelativeListTests(RelativePlatform platform)
{
    public static readonly Google.Type.Date Today = new() { Year = DateTime.UtcNow.Year, Month = DateTime.UtcNow.Month, Day = DateTime.UtcNow.Day };

    public static RegisterRelativeRequest Registration(string familyName, string municipality = "2081", bool child = false, bool protectedIdentity = false) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        MunicipalityCode = municipality,
        Relative = new RelativeDetails
        {
            GivenName = "Elsa", FamilyName = familyName, BirthYear = child ? DateTime.UtcNow.Year - 12 : 1958, IsChild = child, Sex = Sex.Female,
            Phone = "070-444 55 66", Email = "elsa@example.se", ProtectedIdentity = protectedIdentity,
            Address = new PostalAddress { Street = "Hemlig väg 7", PostalCode = "784 33", City = "Borlänge" },
        },
        Relationship = child ? Relationship.Child : Relationship.Partner,
        ConsentToRegistration = true,
    };

    [PlatformFact]
    public async Task Consultants_page_through_their_own_relatives_filtered_by_state_and_child_and_each_row_is_access_logged()
    {
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var adult = await platform.Client.RegisterRelativeAsync(Registration("Listberg"), borlange);
        var child = await platform.Client.RegisterRelativeAsync(Registration("Listbarn", child: true), borlange);
        var closed = await platform.Client.RegisterRelativeAsync(Registration("Listavslutad"), borlange);
        var offered = await platform.Client.OfferSupportAsync(new OfferSupportRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = closed.RelativeId, ExpectedVersion = closed.Version, Form = SupportForm.Conversation, OfferedOn = Today }, borlange);
        var supportId = (await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = closed.RelativeId }, borlange)).Supports[0].SupportId;
        await platform.Client.RecordSupportProgressAsync(new RecordSupportProgressRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = closed.RelativeId, ExpectedVersion = offered.Version, SupportId = supportId, Status = SupportStatus.Declined, On = Today }, borlange);

        async Task<List<RelativeSummary>> All(RelativeState state = RelativeState.Unspecified, bool childrenOnly = false)
        {
            var rows = new List<RelativeSummary>();
            var token = "";
            do
            {
                var page = await platform.Client.ListRelativesAsync(new ListRelativesRequest
                { MunicipalityCode = "2081", State = state, ChildrenOnly = childrenOnly, Page = new PageRequest { PageSize = 2, PageToken = token } }, borlange);
                Assert.True(page.Relatives.Count <= 2);
                rows.AddRange(page.Relatives);
                token = page.NextPageToken;
            } while (token.Length > 0);
            return rows;
        }

        var all = await All();
        Assert.Equal(all.Count, all.Select(r => r.RelativeId).Distinct().Count());
        Assert.Contains(all, r => r.RelativeId == adult.RelativeId && r.FamilyName == "Listberg" && r.Phone == "070-444 55 66" && r.State == RelativeState.Open);
        Assert.Contains(all, r => r.RelativeId == closed.RelativeId && r.State == RelativeState.Closed);
        var registeredOrder = all.Select(r => new DateOnly(r.RegisteredOn.Year, r.RegisteredOn.Month, r.RegisteredOn.Day)).ToList();
        Assert.Equal(registeredOrder.OrderDescending(), registeredOrder);

        var open = await All(RelativeState.Open);
        Assert.Contains(open, r => r.RelativeId == adult.RelativeId);
        Assert.DoesNotContain(open, r => r.RelativeId == closed.RelativeId);
        Assert.Contains(await All(RelativeState.Closed), r => r.RelativeId == closed.RelativeId);
        var children = await All(childrenOnly: true);
        Assert.All(children, r => Assert.True(r.IsChild || r.ProtectedIdentity));
        Assert.Contains(children, r => r.RelativeId == child.RelativeId);
        Assert.DoesNotContain(children, r => r.RelativeId == adult.RelativeId);

        var listReads = (await platform.AccessRecordsAsync()).Where(r => r.Purpose == "ListRelatives" && r.Username == ReferralEndToEndTests.Borlange).ToList();
        Assert.Contains(listReads, r => r.Resource == adult.RelativeId && r.Action == Contracts.Audit.V1.AccessAction.Read);
        Assert.Contains(listReads, r => r.Resource == child.RelativeId);

        // Erased relatives leave the lists.
        var current = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = adult.RelativeId }, borlange);
        await platform.Client.WithdrawConsentAsync(new WithdrawConsentRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = adult.RelativeId, ExpectedVersion = current.Version }, borlange);
        Assert.DoesNotContain(await All(), r => r.RelativeId == adult.RelativeId);
    }

    [PlatformFact]
    public async Task Another_municipality_a_referrer_and_an_analyst_cannot_list_them_and_bad_filters_are_refused()
    {
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var registered = await platform.Client.RegisterRelativeAsync(Registration("Grannkommun"), borlange);

        async Task<StatusCode> Refused(ListRelativesRequest request, string user)
        {
            var options = await platform.AsUserAsync(user);
            return (await Assert.ThrowsAsync<RpcException>(() => platform.Client.ListRelativesAsync(request, options).ResponseAsync)).StatusCode;
        }
        Assert.Equal(StatusCode.PermissionDenied, await Refused(new ListRelativesRequest { MunicipalityCode = "2081" }, ReferralEndToEndTests.Falun));
        Assert.Equal(StatusCode.PermissionDenied, await Refused(new ListRelativesRequest { MunicipalityCode = "2081" }, ReferralEndToEndTests.Analyst));
        // The ward passes the gateway's role wall (it refers relatives) and is refused by the service.
        Assert.Equal(StatusCode.PermissionDenied, await Refused(new ListRelativesRequest { MunicipalityCode = "2081" }, ReferralEndToEndTests.Ward));
        Assert.Equal(StatusCode.InvalidArgument, await Refused(new ListRelativesRequest { MunicipalityCode = "9999" }, ReferralEndToEndTests.Borlange));
        Assert.Equal(StatusCode.InvalidArgument, await Refused(new ListRelativesRequest { MunicipalityCode = "2081", State = (RelativeState)7 }, ReferralEndToEndTests.Borlange));
        Assert.Equal(StatusCode.InvalidArgument, await Refused(
            new ListRelativesRequest { MunicipalityCode = "2081", Page = new PageRequest { PageToken = "not-a-token" } }, ReferralEndToEndTests.Borlange));

        var falun = await platform.Client.ListRelativesAsync(new ListRelativesRequest { MunicipalityCode = "2080" }, await platform.AsUserAsync(ReferralEndToEndTests.Falun));
        Assert.DoesNotContain(falun.Relatives, r => r.RelativeId == registered.RelativeId);

        // The same list over JSON through the gateway, and the same refusal for another municipality.
        using var http = new HttpClient { BaseAddress = platform.JsonAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync(ReferralEndToEndTests.Borlange));
        var body = await http.GetStringAsync("/api/relatives/v1/municipalities/2081/relatives?state=RELATIVE_STATE_OPEN&page.pageSize=200");
        Assert.Contains(registered.RelativeId, body);
        http.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync(ReferralEndToEndTests.Falun));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync("/api/relatives/v1/municipalities/2081/relatives")).StatusCode);
    }
}
