using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Sip.V1;
using Samverkan.Store;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;

namespace Samverkan.SipPlans.Tests.Integration;

[Collection(SipPlatformCollection.Name)]
public sealed class AccessRecordsAndJsonTests(SipPlatform platform)
{
    private Samverkan.Contracts.Sip.V1.SipPlans.SipPlansClient Client => platform.Client;

    [Fact]
    public async Task Every_read_change_print_and_export_of_a_plan_is_access_logged_with_the_organisation_and_unit()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var lena = await platform.AsUserAsync("lena.dahl");
        var planId = (await Client.InitiatePlanAsync(Initiate(), anna)).PlanId;
        await Client.RecordConsentAsync(Consent(planId), anna);
        await Client.AddParticipantAsync(Principal(planId, "p-vc", "20-vc-2080"), anna);
        await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena);
        await Client.GetPlanHistoryAsync(new GetPlanHistoryRequest { PlanId = planId }, anna);

        var records = await RecordsAsync("sip-plan/" + planId);

        Assert.Equal([AccessAction.Create, AccessAction.Change, AccessAction.Change, AccessAction.Read, AccessAction.Read], records.Select(r => r.Action));
        var lenasRead = records[3];
        Assert.Equal(("20", "20-vc-2080", "lena.dahl"), (lenasRead.OrganisationCode, lenasRead.UnitId, lenasRead.Username));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.PersonRef)));
        Assert.All(records, r => Assert.DoesNotContain("Sara", r.ToString()));
    }

    [Fact]
    public async Task A_plan_is_started_and_read_over_http_json_through_the_gateway()
    {
        using var http = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));
        var body = new
        {
            requestId = NewId(),
            person = new { personalIdentityNumber = new { value = NewPersonnummer() }, givenName = "Sara", familyName = "Berg" },
            initiator = "INITIATOR_KIND_MUNICIPAL_UNIT",
        };
        using var created = await http.PostAsJsonAsync("/api/sip/v1/plans", body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planId").GetString();

        using var read = await http.GetAsync($"/api/sip/v1/plans/{planId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("PLAN_STATE_NEED_IDENTIFIED", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        using var refused = await http.PostAsJsonAsync($"/api/sip/v1/plans/{planId}:agree", new { requestId = NewId() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);   // FAILED_PRECONDITION (step out of order)
    }

    private async Task<IReadOnlyList<AccessRecord>> RecordsAsync(string resource)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:store"] = platform.Store.ConnectionString });
        builder.AddDocumentStore("sip");
        using var host = builder.Build();
        var reader = host.Services.GetRequiredService<IChannelReader>();
        var channel = new ChannelAddress("sip", AccessLogChannel.Name);
        var records = new List<AccessRecord>();
        for (long after = 0; ;)
        {
            var batch = await reader.ReadAsync(channel, after, 1000);
            if (batch.Count == 0) return records;
            records.AddRange(batch.Select(e => AccessRecord.Parser.ParseFrom(e.Payload.Span)).Where(r => r.Resource == resource));
            after = batch[^1].Position;
        }
    }
}
