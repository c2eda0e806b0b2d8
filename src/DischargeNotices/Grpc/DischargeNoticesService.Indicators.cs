using Grpc.Core;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.ServiceDefaults.Authorization;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc;

// Systematic follow-up: aggregated, suppressed indicators for analysts.
public sealed partial class DischargeNoticesService
{
    public override async Task<Proto.DischargeIndicators> GetDischargeIndicators(Proto.GetDischargeIndicatorsRequest request, ServerCallContext context) =>
        IndicatorMapper.ToProto(await indicators.GetAsync(context.GetCaller(),
            ProtoStatistics.Period(request.Period, SwedishCalendar.DateOf(queries.Now)),
            ProtoStatistics.MunicipalityCodes(request.MunicipalityCodes), context.CancellationToken));
}
