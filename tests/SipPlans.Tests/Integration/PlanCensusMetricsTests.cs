using System.Net;
using Samverkan.TestSupport.Telemetry;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;

namespace Samverkan.SipPlans.Tests.Integration;

// Issue #21, item 2: SIP plans by state (samverkan_sip_plans{organisation, state}) as the running
// service exports it, counted from the real store: a new plan moves the initiating organisation's
// NeedIdentified count up by one, its consent moves it on to ConsentRecorded.
[Collection(SipPlatformCollection.Name)]
public sealed class PlanCensusMetricsTests(SipPlatform platform)
{
    private const string Falun = "2080";

    [Fact]
    public async Task Plans_by_state_follow_a_plan_through_its_first_steps()
    {
        using var http = new HttpClient { BaseAddress = platform.SipAddress, DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var anna = await platform.AsUserAsync("anna.lind");
        await Task.Delay(TimeSpan.FromSeconds(2)); // one census after the tests before this one
        var before = await PrometheusText.ScrapeAsync(http);
        var needIdentified = Count(before, "NeedIdentified");
        var consentRecorded = Count(before, "ConsentRecorded");

        var planId = (await platform.Client.InitiatePlanAsync(Initiate(), anna)).PlanId;
        await WaitForAsync(http, m => Count(m, "NeedIdentified") == needIdentified + 1 && Count(m, "ConsentRecorded") == consentRecorded);

        await platform.Client.RecordConsentAsync(Consent(planId), anna);
        await WaitForAsync(http, m => Count(m, "NeedIdentified") == needIdentified && Count(m, "ConsentRecorded") == consentRecorded + 1);
    }

    private static double Count(PrometheusText metrics, string state) =>
        metrics.Sum("samverkan_sip_plans", ("organisation", Falun), ("state", state));

    private static async Task WaitForAsync(HttpClient http, Func<PrometheusText, bool> expected)
    {
        var metrics = await PrometheusText.ScrapeUntilAsync(http, expected, TimeSpan.FromSeconds(20));
        Assert.True(expected(metrics), "samverkan_sip_plans did not reach the expected counts:\n" +
            string.Join("\n", metrics.Samples.Where(s => s.Name == "samverkan_sip_plans" && s.Value > 0)
                .Select(s => $"{s.Labels["organisation"]} {s.Labels["state"]} {s.Value}")));
    }
}
