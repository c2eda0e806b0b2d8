using Google.Protobuf;
using Grpc.Core;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.ServiceDefaults.Authorization;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc;

// Reading: the case, the inbox, the subscription stream and the lists.
public sealed partial class DischargeNoticesService
{
    public override async Task<Proto.DischargeCase> GetCase(Proto.GetCaseRequest request, ServerCallContext context)
    {
        var (@case, deadlines) = await queries.GetCaseAsync(context.GetCaller(), RequestReader.CaseId(request.CaseId), context.CancellationToken);
        return CaseMapper.ToProto(@case, deadlines, queries.Now);
    }

    public override async Task<Proto.ListInboxResponse> ListInbox(Proto.ListInboxRequest request, ServerCallContext context)
    {
        var page = await queries.ListInboxAsync(context.GetCaller(), RequestReader.UnitId(request.Unit), request.UnacknowledgedOnly,
            request.Page?.PageSize ?? 0, RequestReader.PageToken(request.Page?.PageToken), context.CancellationToken,
            measure: item => CaseMapper.ToNotice(item).CalculateSize());
        var response = new Proto.ListInboxResponse { NextPageToken = page.NextPageToken };
        response.Notices.AddRange(page.Items.Select(CaseMapper.ToNotice));
        return response;
    }

    public override Task SubscribeNotices(Proto.SubscribeNoticesRequest request, IServerStreamWriter<Proto.NoticeDelivery> responseStream, ServerCallContext context) =>
        subscription.RunAsync(context.GetCaller(), RequestReader.UnitId(request.Unit), request.AfterPosition,
            delivery => responseStream.WriteAsync(new Proto.NoticeDelivery
            {
                Position = delivery.Position,
                Notice = delivery.Item is { } item ? CaseMapper.ToNotice(item) : null,
            }, context.CancellationToken),
            context.CancellationToken);

    public override async Task<Proto.ListCasesResponse> ListOpenCases(Proto.ListOpenCasesRequest request, ServerCallContext context)
    {
        var page = await queries.ListOpenCasesAsync(context.GetCaller(), RequestReader.UnitId(request.Unit),
            request.Page?.PageSize ?? 0, RequestReader.PageToken(request.Page?.PageToken), context.CancellationToken);
        var response = new Proto.ListCasesResponse { NextPageToken = page.NextPageToken };
        response.Cases.AddRange(page.Cases.Select(c => CaseMapper.ToSummary(c, broadList: true)));
        return response;
    }

    public override async Task<Proto.ListCasesPastDeadlineResponse> ListCasesPastDeadline(Proto.ListCasesPastDeadlineRequest request, ServerCallContext context)
    {
        var page = await queries.ListCasesPastDeadlineAsync(context.GetCaller(), request.Page?.PageSize ?? 0, RequestReader.PageToken(request.Page?.PageToken), context.CancellationToken);
        var response = new Proto.ListCasesPastDeadlineResponse { NextPageToken = page.NextPageToken };
        response.Cases.AddRange(page.Cases.Select(c =>
        {
            var item = new Proto.CasePastDeadline { Case = CaseMapper.ToSummary(c.Case, broadList: true) };
            item.Missed.AddRange(c.Missed.Select(CaseMapper.ToProto));
            return item;
        }));
        return response;
    }

    public override async Task<Proto.ListCasesResponse> ListPatientCases(Proto.ListPatientCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var number = RequestReader.PersonalIdentityNumber(request.PersonalIdentityNumber, "personal_identity_number", SwedishCalendar.DateOf(queries.Now));
        var page = await queries.ListPatientCasesAsync(caller, number.Value, request.Page?.PageSize ?? 0, RequestReader.PageToken(request.Page?.PageToken), context.CancellationToken);
        var response = new Proto.ListCasesResponse { NextPageToken = page.NextPageToken };
        response.Cases.AddRange(page.Cases.Select(c => CaseMapper.ToSummary(c, broadList: false)));
        return response;
    }
}
