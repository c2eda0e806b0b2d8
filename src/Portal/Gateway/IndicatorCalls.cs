using Samverkan.Contracts.Discharge.V1;
using Samverkan.Contracts.Sip.V1;
using Common = Samverkan.Contracts.Common.V1;

namespace Samverkan.Portal.Gateway;

// The analyst's indicator calls: aggregates only, with the analyst's own token (the services
// refuse everyone else with PERMISSION_DENIED).
public static class IndicatorCalls
{
    public static Task<DischargeIndicators> DischargeIndicatorsAsync(this GatewayCalls calls, DateOnly from, DateOnly to) =>
        calls.CallAsync(o => calls.Discharge.GetDischargeIndicatorsAsync(new GetDischargeIndicatorsRequest { Period = Period(from, to) }, o));

    // GatewayCalls has no SIP client of its own yet; a client on the shared channel costs nothing.
    public static Task<PlanIndicators> PlanIndicatorsAsync(this GatewayCalls calls, GatewayChannel gateway, DateOnly from, DateOnly to) =>
        calls.CallAsync(o => new SipPlans.SipPlansClient(gateway.Channel).GetPlanIndicatorsAsync(new GetPlanIndicatorsRequest { Period = Period(from, to) }, o));

    public static Common.MonthPeriod Period(DateOnly from, DateOnly to) =>
        new() { FromYear = from.Year, FromMonth = from.Month, ToYear = to.Year, ToMonth = to.Month };
}
