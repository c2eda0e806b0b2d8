using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SipPlans.Application.Commands;
using Samverkan.SipPlans.Application.Queries;
using Samverkan.SipPlans.Application.Survey;
using Samverkan.SipPlans.Grpc.Mapping;
using Contract = Samverkan.Contracts.Sip.V1.SipPlans;
using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc;

// The gRPC front door (samverkan.sip.v1.SipPlans). Deliberately thin: read the request
// (RequestReader), identify the caller from the token, call the application layer, map the answer
// (PlanMapper). Authorization, rules, access records and idempotency live behind it; refusals
// become gRPC statuses in ServiceCore's interceptor. This file: the changes.
[Authorize]
public sealed partial class SipPlansService(PlanCommands commands, PlanQueries queries, SurveyService survey, PlanIndicatorQueries indicators)
    : Contract.SipPlansBase
{
    public override async Task<Proto.PlanChangeAccepted> InitiatePlan(Proto.InitiatePlanRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.InitiateAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(InitiatePlan)),
            RequestReader.UnitId(request.ActingUnit), RequestReader.Person(request.Person, queries.Today), ProtoEnums.ToDomain(request.Initiator, "initiator"),
            ProtoEnums.ToDomain(request.ProposedBy), request.NeedDescription, context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> RecordConsent(Proto.RecordConsentRequest request, ServerCallContext context)
    {
        var consent = request.Consent ?? throw RuleViolation.Invalid("consent", "consent is required.");
        return PlanMapper.ToAccepted(await commands.RecordConsentAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordConsent)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion),
            ProtoEnums.ToDomain(consent.Giver, "consent.giver"), ProtoEnums.ToDomain(consent.Form, "consent.form"),
            RequestReader.Organisations(consent.Organisations), consent.Purposes.Select(p => ProtoEnums.ToDomain(p, "consent.purposes")).ToList(),
            ProtoTime.Required(consent.GivenAt, "consent.given_at"), ProtoTime.Optional(consent.ValidUntil, "consent.valid_until"),
            context.CancellationToken));
    }

    public override async Task<Proto.PlanChangeAccepted> WithdrawConsent(Proto.WithdrawConsentRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.WithdrawConsentAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(WithdrawConsent)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), request.ConsentId, RequestReader.Organisations(request.Organisations),
            ProtoTime.Optional(request.WithdrawnAt, "withdrawn_at"), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> StartPreparation(Proto.PlanStepRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.StartPreparationAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(StartPreparation)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> AddParticipant(Proto.AddParticipantRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.AddParticipantAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(AddParticipant)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), request.ParticipantId, ProtoEnums.ToDomain(request.Role, "role"),
            RequestReader.UnitId(request.Unit), ProtoEnums.ToDomainOptional(request.OtherActor), request.Name, context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> RemoveParticipant(Proto.RemoveParticipantRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.RemoveParticipantAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RemoveParticipant)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), request.ParticipantId, context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> SendInvitations(Proto.SendInvitationsRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.SendInvitationsAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(SendInvitations)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), ProtoTime.Optional(request.SentAt, "sent_at"),
            ProtoTime.Required(request.MeetingAt, "meeting_at"), request.Digital, request.MeetingPlace, context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> UpdateContent(Proto.UpdateContentRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.UpdateContentAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(UpdateContent)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), RequestReader.Content(request.Content), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> RecordMeeting(Proto.RecordMeetingRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.RecordMeetingAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordMeeting)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), RequestReader.Meeting(request.Meeting), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> AgreePlan(Proto.PlanStepRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.AgreeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(AgreePlan)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> SignVersion(Proto.SignVersionRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.SignAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(SignVersion)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), request.VersionNumber,
            ProtoEnums.ToDomain(request.Signatory, "signatory"), ProtoTime.Optional(request.SignedAt, "signed_at"), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> ScheduleFollowUp(Proto.ScheduleFollowUpRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.ScheduleFollowUpAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(ScheduleFollowUp)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), ProtoTime.Required(request.Date, "date"), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> RecordFollowUp(Proto.RecordFollowUpRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.RecordFollowUpAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordFollowUp)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), ProtoTime.Required(request.HeldAt, "held_at"),
            RequestReader.Outcomes(request.Outcomes), RequestReader.Goals(request.NewGoals, "new_goals"),
            request.NextFollowUpDate is null ? null : ProtoTime.Required(request.NextFollowUpDate, "next_follow_up_date"), context.CancellationToken));

    public override async Task<Proto.PlanChangeAccepted> ClosePlan(Proto.ClosePlanRequest request, ServerCallContext context) =>
        PlanMapper.ToAccepted(await commands.CloseAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(ClosePlan)),
            Target(request.PlanId, request.ActingUnit, request.ExpectedVersion), ProtoEnums.ToDomain(request.Reason, "reason"),
            ProtoTime.Optional(request.ClosedAt, "closed_at"), context.CancellationToken));

    private static PlanTarget Target(string planId, Samverkan.Contracts.Common.V1.UnitRef? actingUnit, int expectedVersion) =>
        new(RequestReader.PlanId(planId), RequestReader.UnitId(actingUnit), expectedVersion);
}
