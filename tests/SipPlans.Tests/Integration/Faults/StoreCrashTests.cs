using Samverkan.Contracts.Sip.V1;
using Samverkan.TestSupport.Faults;
using Xunit.Abstractions;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;

namespace Samverkan.SipPlans.Tests.Integration.Faults;

// The store is SIGKILLed while a coordinator initiates SIP plans through the gateway, and restarted
// from its own files (StoreCrashRun). Every acknowledged plan must be readable after recovery, every
// failure must be a retryable Unavailable (or the caller's deadline), a retry of every request_id
// replays the first result, and each person has exactly the one plan its request created (none
// when the request was refused): no duplicates. Its own platform, because it kills the store.
public sealed class StoreCrashTests(SipPlatform platform, ITestOutputHelper output) : IClassFixture<SipPlatform>
{
    private const int Writers = 4;
    // Below the gateway's per-client rate limit (100/s) even when the store answers fast.
    private static readonly TimeSpan PauseBetweenCalls = TimeSpan.FromMilliseconds(80);

    [Fact]
    public async Task Acknowledged_plans_survive_a_store_crash_and_retries_replay_without_duplicates()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var run = await StoreCrashRun<InitiatePlanRequest>.RunAsync(platform.Store, Writers, PauseBetweenCalls,
            () => Initiate(),
            async (request, deadline) => (await platform.Client.InitiatePlanAsync(request, anna.WithDeadline(deadline))).PlanId);
        output.WriteLine(run.Summary());
        foreach (var o in run.Failed) output.WriteLine($"  {o.Request.RequestId}: {o}");
        run.AssertOutageWasRetryable();

        await StoreCrashRun<InitiatePlanRequest>.ForEachAsync(run.Acknowledged, async o =>
        {
            var plan = await platform.Direct.GetPlanAsync(new GetPlanRequest { PlanId = o.Id }, anna);
            Assert.Equal(o.Request.Person.PersonalIdentityNumber.Value, plan.Person.PersonalIdentityNumber.Value);
        });

        output.WriteLine(await run.AssertRetriesReplayAsync(
            async request =>
            {
                var again = await platform.Direct.InitiatePlanAsync(request, anna);
                return new Replay(again.PlanId, again.Replayed);
            },
            async (o, planId) =>
            {
                var plans = await platform.Direct.ListPersonPlansAsync(
                    new ListPersonPlansRequest { PersonalIdentityNumber = o.Request.Person.PersonalIdentityNumber }, anna);
                Assert.Equal(planId is null ? Array.Empty<string>() : [planId], plans.Plans.Select(p => p.PlanId));
            }));
    }
}
