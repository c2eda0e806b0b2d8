using Grpc.Core;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.ServiceDefaults.Authorization;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc;

// Follow-up: deviation reports and payment responsibility.
public sealed partial class DischargeNoticesService
{
    public override async Task<Proto.ExportDeviationReportsResponse> ExportDeviationReports(Proto.ExportDeviationReportsRequest request, ServerCallContext context)
    {
        var page = await followUp.ExportDeviationReportsAsync(context.GetCaller(),
            ProtoTime.Required(request.From, "from"), ProtoTime.Required(request.To, "to"), RequestReader.Party(request.Party),
            request.Page?.PageSize ?? 0, RequestReader.PageToken(request.Page?.PageToken), context.CancellationToken);
        var response = new Proto.ExportDeviationReportsResponse { NextPageToken = page.NextPageToken };
        response.Reports.AddRange(page.Reports.Select(FollowUpMapper.ToProto));
        return response;
    }

    public override async Task<Proto.CasePayment> GetCasePayment(Proto.GetCasePaymentRequest request, ServerCallContext context) =>
        FollowUpMapper.ToProto(await followUp.GetCasePaymentAsync(context.GetCaller(), RequestReader.CaseId(request.CaseId), context.CancellationToken));

    public override async Task<Proto.MonthlyPaymentStatement> GetMonthlyPaymentStatement(Proto.GetMonthlyPaymentStatementRequest request, ServerCallContext context)
    {
        var statement = await followUp.GetMonthlyStatementAsync(context.GetCaller(), request.Municipality?.Code?.Trim() ?? "",
            request.Year, request.Month, context.CancellationToken);
        return FollowUpMapper.ToProto(statement, queries.Now);
    }
}
