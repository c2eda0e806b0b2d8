using Samverkan.ServiceCore.Grpc;
using Grpc.Core;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.ServiceDefaults.Authorization;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc;

// The receiving units' steps.
public sealed partial class DischargeNoticesService
{
    public override async Task<Proto.CaseEventAccepted> AcknowledgeNotice(Proto.AcknowledgeNoticeRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.AcknowledgeNoticeAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(AcknowledgeNotice)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            request.NoticeSequence,
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> AppointFixedCareContact(Proto.AppointFixedCareContactRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.AppointFixedCareContactAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(AppointFixedCareContact)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            request.Name, request.Title, request.Phone,
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> RecordSipInvitation(Proto.RecordSipInvitationRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.RecordSipInvitationAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordSipInvitation)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoTime.Required(request.InvitedAt, "invited_at"),
            request.SipPlanId,
            context.CancellationToken));
}
