using Samverkan.ServiceCore.Grpc;
using Grpc.Core;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.ServiceDefaults.Authorization;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc;

// How a stay ends or moves, needs that change, and the recipients' planning steps.
public sealed partial class DischargeNoticesService
{
    public override async Task<Proto.CaseEventAccepted> EndStay(Proto.EndStayRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.EndStayAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(EndStay)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoEnums.ToDomain(request.EndKind, "end_kind"),
            ProtoTime.Required(request.EndedAt, "ended_at"),
            RequestReader.Telephone(request.TelephoneNotice),
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> TransferToInpatientUnit(Proto.TransferToInpatientUnitRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.TransferToInpatientUnitAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(TransferToInpatientUnit)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            RequestReader.UnitId(request.NewSendingUnit),
            ProtoTime.Required(request.TransferredAt, "transferred_at"),
            RequestReader.Telephone(request.TelephoneNotice),
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> ChangeNeeds(Proto.ChangeNeedsRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.ChangeNeedsAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(ChangeNeeds)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            request.Needs.Select(n => ProtoEnums.ToDomain(n, "needs")).Distinct().ToList(),
            ProtoTime.Optional(request.NeedsAssessedAt, "needs_assessed_at"),
            RequestReader.UnitId(request.OutpatientUnit),
            RequestReader.Telephone(request.TelephoneNotice),
            context.CancellationToken));

    public override async Task<Proto.CaseEventAccepted> RecordPlanningStep(Proto.RecordPlanningStepRequest request, ServerCallContext context) =>
        CaseMapper.ToAccepted(await commands.RecordPlanningStepAsync(
            context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordPlanningStep)), RequestReader.CaseId(request.CaseId),
            RequestReader.UnitId(request.ActingUnit),
            ProtoEnums.ToDomain(request.Step, "step"),
            ProtoTime.Optional(request.OccurredAt, "occurred_at"),
            context.CancellationToken));
}
