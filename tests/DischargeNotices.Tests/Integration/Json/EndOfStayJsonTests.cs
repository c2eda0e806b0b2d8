using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Tests.Integration.Grpc;
using Samverkan.DischargeNotices.Tests.Support;
using static Samverkan.DischargeNotices.Tests.Integration.Json.JsonRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Json;

// Issue #16.5-8 through the real gateway and service: the new RPCs over HTTP/JSON and gRPC.
[Collection(DischargePlatformCollection.Name)]
public sealed class EndOfStayJsonTests(DischargePlatform platform)
{
    [Fact]
    public async Task A_planning_step_and_an_end_of_stay_given_by_telephone_show_on_the_case_over_json_and_grpc()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var anna = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));
        var now = DateTimeOffset.UtcNow;
        using var sent = await karin.PostAsJsonAsync("/api/discharge/v1/cases", Admission(now.AddHours(-3)));
        var caseId = (string)(await BodyAsync(sent))["accepted"]!["caseId"]!;

        using var planning = await anna.PostAsJsonAsync($"/api/discharge/v1/cases/{caseId}:recordPlanningStep",
            new JsonObject { ["requestId"] = Guid.NewGuid().ToString(), ["step"] = "PLANNING_STEP_PLANNING_STARTED" });
        Assert.Equal(HttpStatusCode.OK, planning.StatusCode);
        using var ended = await karin.PostAsJsonAsync($"/api/discharge/v1/cases/{caseId}:endStay", new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(),
            ["endKind"] = "STAY_END_KIND_DIED",
            ["endedAt"] = Timestamp(now.AddMinutes(-50)),
            // Phoned a moment ago (after the admission notice was sent), recorded now.
            ["telephoneNotice"] = new JsonObject { ["givenAt"] = Timestamp(DateTimeOffset.UtcNow), ["reason"] = "TELEPHONE_NOTICE_REASON_PLATFORM_UNAVAILABLE" },
        });
        var endedBody = await BodyAsync(ended);
        Assert.True(ended.StatusCode == HttpStatusCode.OK, endedBody.ToJsonString());
        Assert.Equal("CASE_STATUS_STAY_ENDED", (string)endedBody["status"]!);

        using var read = await anna.GetAsync($"/api/discharge/v1/cases/{caseId}");
        var json = await BodyAsync(read);
        Assert.Equal("STAY_END_KIND_DIED", (string)json["stayEndKind"]!);
        var last = json["events"]!.AsArray()[^1]!;
        Assert.Equal("STAY_END_KIND_DIED", (string)last["stayEnded"]!["endKind"]!);
        Assert.Equal("TELEPHONE_NOTICE_REASON_PLATFORM_UNAVAILABLE", (string)last["telephoneNotice"]!["reason"]!);
        Assert.Equal("PLANNING_STEP_PLANNING_STARTED",
            (string)json["recipients"]!.AsArray().Single(r => (string)r!["unit"]!["id"]! == "2080-soc")!["planningStep"]!);
        Assert.DoesNotContain(json["deadlines"]!.AsArray(), d => (string)d!["state"]! is "DEADLINE_STATE_PENDING" or "DEADLINE_STATE_OVERDUE");

        var payment = await platform.Client.GetCasePaymentAsync(new GetCasePaymentRequest { CaseId = caseId }, await platform.AsUserAsync("anna.lind"));
        Assert.NotEqual(PaymentChargeBasis.Unspecified, payment.ChargeBasis);
        Assert.False(string.IsNullOrEmpty(payment.Explanation));
        Assert.Equal(0, payment.ReadyDayCount);
    }

    [Fact]
    public async Task A_future_birth_date_and_an_estimate_beyond_the_horizon_are_refused_over_json()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        var future = Admission(DateTimeOffset.UtcNow.AddHours(-1), "209001010009");
        var farEstimate = Admission(DateTimeOffset.UtcNow.AddHours(-1));
        farEstimate["estimatedDischargeDate"] = new JsonObject { ["year"] = 9999, ["month"] = 12, ["day"] = 31 };

        using var refusedNumber = await karin.PostAsJsonAsync("/api/discharge/v1/cases", future);
        using var refusedDate = await karin.PostAsJsonAsync("/api/discharge/v1/cases", farEstimate);

        Assert.Equal(HttpStatusCode.BadRequest, refusedNumber.StatusCode);
        var numberMessage = (string)(await BodyAsync(refusedNumber))["message"]!;
        Assert.Contains("future", numberMessage);
        Assert.DoesNotContain("209001010009", numberMessage);
        Assert.Equal(HttpStatusCode.BadRequest, refusedDate.StatusCode);
        Assert.Contains("365 days", (string)(await BodyAsync(refusedDate))["message"]!);
    }
}
