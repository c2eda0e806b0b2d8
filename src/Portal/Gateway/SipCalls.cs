using Grpc.Core;
using Samverkan.Contracts.Sip.V1;

namespace Samverkan.Portal.Gateway;

// SIP plan calls through the gateway with the user's own token (GatewayCalls: refresh, Swedish
// errors). Every change names the plan version the page read (expected_version), so two
// organisations editing one plan never overwrite each other silently.
public sealed class SipCalls(GatewayChannel gateway, GatewayCalls calls)
{
    public SipPlans.SipPlansClient Client { get; } = new(gateway.Channel);

    public Task<T> CallAsync<T>(Func<SipPlans.SipPlansClient, CallOptions, AsyncUnaryCall<T>> call) =>
        calls.CallAsync(o => call(Client, o));

    public Task<Plan> GetPlanAsync(string planId) =>
        CallAsync((c, o) => c.GetPlanAsync(new GetPlanRequest { PlanId = planId }, o));

    public Task<PlanHistory> GetHistoryAsync(string planId) =>
        CallAsync((c, o) => c.GetPlanHistoryAsync(new GetPlanHistoryRequest { PlanId = planId }, o));

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(params PlanState[] states)
    {
        var request = new ListPlansRequest { Page = new() { PageSize = 200 } };
        request.States.AddRange(states);
        return (await CallAsync((c, o) => c.ListPlansAsync(request, o))).Plans;
    }

    public async Task<IReadOnlyList<PlanSummary>> ListOverdueAsync() =>
        (await CallAsync((c, o) => c.ListOverduePlansAsync(new ListOverduePlansRequest { Page = new() { PageSize = 100 } }, o))).Plans;

    // A step without fields of its own (StartPreparation, AgreePlan).
    public static PlanStepRequest Step(Plan plan, string requestId) =>
        new() { RequestId = requestId, PlanId = plan.PlanId, ExpectedVersion = plan.Version };
}
