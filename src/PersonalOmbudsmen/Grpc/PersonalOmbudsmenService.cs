using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Samverkan.PersonalOmbudsmen.Application.Commands;
using Samverkan.PersonalOmbudsmen.Application.Deficiencies;
using Samverkan.PersonalOmbudsmen.Application.Queries;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Grpc.Mapping;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Contract = Samverkan.Contracts.Ombud.V1.PersonalOmbudsmen;
using Proto = Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Grpc;

// The gRPC front door (samverkan.ombud.v1.PersonalOmbudsmen). Thin: read the request, identify the
// caller from the token, call the application layer, map the answer. Authorization, rules, sealing,
// access records and idempotency live behind it; refusals become statuses in ServiceCore's
// interceptor. This file: assignments.
[Authorize]
public sealed partial class PersonalOmbudsmenService(
    AssignmentCommands commands,
    AssignmentQueries queries,
    DeficiencyCommands deficiencies,
    FollowUpQueries followUp) : Contract.PersonalOmbudsmenBase
{
    public override async Task<Proto.AssignmentChanged> OpenAssignment(Proto.OpenAssignmentRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.OpenAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(OpenAssignment)),
            OmbudRequests.Opening(request), context.CancellationToken));

    public override async Task<Proto.Assignment> GetAssignment(Proto.GetAssignmentRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await queries.GetAsync(context.GetCaller(), request.AssignmentId, context.CancellationToken));

    public override async Task<Proto.ListAssignmentsResponse> ListAssignments(Proto.ListAssignmentsRequest request, ServerCallContext context)
    {
        var page = await queries.ListAsync(context.GetCaller(), request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        var response = new Proto.ListAssignmentsResponse { NextPageToken = page.NextPageToken };
        response.Assignments.AddRange(page.Assignments.Select(OmbudMapper.ToSummary));
        return response;
    }

    public override async Task<Proto.AssignmentChanged> AddGoal(Proto.AddGoalRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.AddGoalAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(AddGoal)),
            request.AssignmentId, request.ExpectedVersion, request.Text, context.CancellationToken));

    public override async Task<Proto.AssignmentChanged> SetAreas(Proto.SetAreasRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.SetAreasAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(SetAreas)),
            request.AssignmentId, request.ExpectedVersion, request.Areas.Select(OmbudEnums.ToDomain<Proto.Area, Area>).ToList(), context.CancellationToken));

    public override async Task<Proto.AssignmentChanged> AddWorkingNote(Proto.AddWorkingNoteRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.AddNoteAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(AddWorkingNote)),
            request.AssignmentId, request.ExpectedVersion, request.Text, context.CancellationToken));

    public override async Task<Proto.AssignmentChanged> RecordContact(Proto.RecordContactRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.RecordContactAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordContact)),
            request.AssignmentId, request.ExpectedVersion, OmbudEnums.ToDomain<Proto.AuthorityKind, AuthorityKind>(request.AuthorityKind),
            request.AuthorityName, request.About, ProtoTime.Optional(request.ContactedAt, "contacted_at"), context.CancellationToken));

    public override async Task<Proto.AssignmentChanged> RecordClientAgreement(Proto.RecordClientAgreementRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.RecordClientAgreementAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordClientAgreement)),
            request.AssignmentId, request.ExpectedVersion, OmbudRequests.EntryIds(request.EntryIds), request.Agreed,
            ProtoTime.Optional(request.RecordedAt, "recorded_at"), context.CancellationToken));

    public override async Task<Proto.AssignmentChanged> CloseAssignment(Proto.CloseAssignmentRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await commands.CloseAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(CloseAssignment)),
            request.AssignmentId, request.ExpectedVersion, OmbudEnums.ToDomain<Proto.Outcome, Outcome>(request.Outcome),
            ProtoTime.Optional(request.ClosedAt, "closed_at"), context.CancellationToken));
}
