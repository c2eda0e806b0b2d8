using Samverkan.ServiceCore.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.ServiceDefaults.Authorization;
using Contract = Samverkan.Contracts.Discharge.V1.DischargeNotices;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc;

// The gRPC front door (samverkan.discharge.v1.DischargeNotices). Deliberately thin: read the
// request (RequestReader), identify the caller from the token, call the application layer, map the
// answer (CaseMapper). Authorization, rules, audit and idempotency live behind it; refusals become
// gRPC statuses in DischargeErrorInterceptor. This file: the inpatient unit's notices.
[Authorize]
public sealed partial class DischargeNoticesService(
    CaseCommands commands,
    CaseQueries queries,
    FollowUpQueries followUp,
    IndicatorQueries indicators,
    NoticeSubscription subscription) : Contract.DischargeNoticesBase
{
    public override async Task<Proto.SendAdmissionNoticeResponse> SendAdmissionNotice(Proto.SendAdmissionNoticeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var key = IdempotencyKeys.For(request, nameof(SendAdmissionNotice));
        var outcome = await commands.SendAdmissionNoticeAsync(caller, key, RequestReader.Admission(request, SwedishCalendar.DateOf(queries.Now)), context.CancellationToken);

        var response = new Proto.SendAdmissionNoticeResponse
        {
            Accepted = CaseMapper.ToAccepted(outcome),
            AdmissionNoticeDeadline = CaseMapper.ToProto(queries.AdmissionNoticeDeadline(outcome.Case)),
        };
        response.Recipients.AddRange(outcome.Case.Recipients.Select(CaseMapper.ToProto));
        return response;
    }

    public override async Task<Proto.CaseEventAccepted> ChangeEstimatedDischargeDate(Proto.ChangeEstimatedDischargeDateRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.ChangeEstimatedDischargeDateAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(ChangeEstimatedDischargeDate)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoTime.Required(request.EstimatedDischargeDate, "estimated_discharge_date"),
            ProtoTime.Optional(request.EstimatedAt, "estimated_at"),
            context.CancellationToken,
            RequestReader.Telephone(request.TelephoneNotice)));

    public override async Task<Proto.CaseEventAccepted> NotifyReadyForDischarge(Proto.NotifyReadyForDischargeRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.NotifyReadyForDischargeAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(NotifyReadyForDischarge)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoTime.Required(request.JudgedReadyAt, "judged_ready_at"),
            context.CancellationToken,
            RequestReader.Telephone(request.TelephoneNotice)));

    public override async Task<Proto.CaseEventAccepted> WithdrawReadiness(Proto.WithdrawReadinessRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.WithdrawReadinessAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(WithdrawReadiness)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoTime.Required(request.WithdrawnAt, "withdrawn_at"),
            ProtoEnums.ToDomain(request.Reason, "reason"),
            context.CancellationToken,
            RequestReader.Telephone(request.TelephoneNotice)));

    public override async Task<Proto.CaseEventAccepted> TransferInformation(Proto.TransferInformationRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.TransferInformationAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(TransferInformation)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoTime.Optional(request.TransferredAt, "transferred_at"),
            request.Summary,
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> RegisterDischarge(Proto.RegisterDischargeRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.RegisterDischargeAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(RegisterDischarge)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoTime.Required(request.DischargedAt, "discharged_at"),
            context.CancellationToken,
            RequestReader.Telephone(request.TelephoneNotice)));

    public override async Task<Proto.CaseEventAccepted> RecordConsent(Proto.RecordConsentRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.RecordConsentAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordConsent)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            RequestReader.Consent(request.Consent, "consent"),
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> WithdrawConsent(Proto.WithdrawConsentRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.WithdrawConsentAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(WithdrawConsent)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            RequestReader.Scopes(request.Scopes, "scopes"),
            ProtoTime.Optional(request.WithdrawnAt, "withdrawn_at"),
            context.CancellationToken));
}
