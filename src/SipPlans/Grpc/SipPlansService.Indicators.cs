using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SipPlans.Grpc.Mapping;
using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc;

// Systematic follow-up: plans by state per municipality, aggregated and suppressed, for analysts.
public sealed partial class SipPlansService
{
    public override async Task<Proto.PlanIndicators> GetPlanIndicators(Proto.GetPlanIndicatorsRequest request, ServerCallContext context)
    {
        var report = await indicators.GetAsync(context.GetCaller(), ProtoStatistics.Period(request.Period, queries.Today),
            ProtoStatistics.MunicipalityCodes(request.MunicipalityCodes), context.CancellationToken);
        var message = new Proto.PlanIndicators
        {
            Period = ProtoStatistics.ToProto(report.Period),
            SuppressionThreshold = report.SuppressionThreshold,
            ComputedAt = ProtoTime.ToProto(report.ComputedAt),
        };
        message.Municipalities.AddRange(report.Municipalities.Select(row =>
        {
            var municipality = new Proto.MunicipalityPlanIndicators
            {
                Municipality = new OrganisationRef { Code = row.Municipality.Code },
                Name = row.Municipality.Name,
                Plans = ProtoStatistics.ToProto(row.Figures.Plans),
                Overdue = ProtoStatistics.ToProto(row.Figures.Overdue),
            };
            municipality.ByState.AddRange(row.Figures.ByState.Select(s =>
                new Proto.PlanStateCount { State = ProtoEnums.ToProto(s.State), Plans = ProtoStatistics.ToProto(s.Plans) }));
            return municipality;
        }));
        return message;
    }
}
