using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.SipPlans.Application.Commands;

// One method per changing RPC: which domain step, with which input. Authorization, concurrency,
// idempotency, indexes and access records are the pipeline's.
public sealed class PlanCommands(PlanCommandPipeline pipeline)
{
    public DateTimeOffset Now => pipeline.Now;

    public Task<PlanChange> InitiateAsync(CallerIdentity caller, IdempotencyKey key, string? actingUnit, PlanPerson person,
        InitiatorKind initiator, ProposerKind proposedBy, string? need, CancellationToken ct) =>
        pipeline.InitiateAsync(caller, key, actingUnit, (id, context) => SipPlan.Initiate(id, person, initiator, proposedBy, need, context), ct);

    public Task<PlanChange> RecordConsentAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, ConsentGiver giver, ConsentForm form,
        IReadOnlyCollection<string> organisations, IReadOnlyCollection<ConsentPurpose> purposes, DateTimeOffset givenAt, DateTimeOffset? validUntil,
        CancellationToken ct) =>
        Change(caller, key, "RecordConsent", target, (plan, context) => plan.RecordConsent(giver, form, organisations, purposes, givenAt, validUntil, context), ct);

    public Task<PlanChange> WithdrawConsentAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, string consentId,
        IReadOnlyCollection<string> organisations, DateTimeOffset? withdrawnAt, CancellationToken ct) =>
        Change(caller, key, "WithdrawConsent", target, (plan, context) => plan.WithdrawConsent(consentId, organisations, withdrawnAt ?? context.Now, context), ct);

    public Task<PlanChange> StartPreparationAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, CancellationToken ct) =>
        Change(caller, key, "StartPreparation", target, (plan, context) => plan.StartPreparation(context), ct);

    public Task<PlanChange> AddParticipantAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, string participantId,
        ParticipantRole role, string? unitId, OtherActorKind? otherActor, string? name, CancellationToken ct) =>
        Change(caller, key, "AddParticipant", target, (plan, context) => plan.AddParticipant(participantId, role, unitId, otherActor, name, context), ct);

    public Task<PlanChange> RemoveParticipantAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, string participantId, CancellationToken ct) =>
        Change(caller, key, "RemoveParticipant", target, (plan, context) => plan.RemoveParticipant(participantId, context), ct);

    public Task<PlanChange> SendInvitationsAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, DateTimeOffset? sentAt,
        DateTimeOffset meetingAt, bool digital, string? place, CancellationToken ct) =>
        Change(caller, key, "SendInvitations", target, (plan, context) => plan.SendInvitations(sentAt ?? context.Now, meetingAt, digital, place, context), ct);

    public Task<PlanChange> UpdateContentAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, PlanContent content, CancellationToken ct)
    {
        if (target.ExpectedVersion < 1)
        {
            throw RuleViolation.Invalid("expected_version", "expected_version is required: the version of the plan the draft was read at (UpdateContent replaces the whole draft).");
        }
        return Change(caller, key, "UpdateContent", target, (plan, context) => plan.UpdateContent(content, context), ct);
    }

    public Task<PlanChange> RecordMeetingAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, MeetingRecord meeting, CancellationToken ct) =>
        Change(caller, key, "RecordMeeting", target, (plan, context) => plan.RecordMeeting(meeting, context), ct);

    public Task<PlanChange> AgreeAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, CancellationToken ct) =>
        Change(caller, key, "AgreePlan", target, (plan, context) => plan.Agree(context), ct);

    public Task<PlanChange> SignAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, int versionNumber, SignatoryKind signatory,
        DateTimeOffset? signedAt, CancellationToken ct) =>
        Change(caller, key, "SignVersion", target, (plan, context) => plan.Sign(versionNumber,
            signatory == SignatoryKind.Individual ? Signatory.Individual : Signatory.Organisation(context.Actor.OrganisationCode),
            signedAt ?? context.Now, context), ct);

    public Task<PlanChange> ScheduleFollowUpAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, DateOnly date, CancellationToken ct) =>
        Change(caller, key, "ScheduleFollowUp", target, (plan, context) => plan.ScheduleFollowUp(date, context), ct);

    public Task<PlanChange> RecordFollowUpAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, DateTimeOffset heldAt,
        IReadOnlyList<InterventionOutcome> outcomes, IReadOnlyList<Goal> newGoals, DateOnly? next, CancellationToken ct) =>
        Change(caller, key, "RecordFollowUp", target, (plan, context) => plan.RecordFollowUp(heldAt, outcomes, newGoals, next, context), ct);

    public Task<PlanChange> CloseAsync(CallerIdentity caller, IdempotencyKey key, PlanTarget target, ClosureReason reason, DateTimeOffset? closedAt, CancellationToken ct) =>
        Change(caller, key, "ClosePlan", target, (plan, context) => plan.Close(reason, closedAt ?? context.Now, context), ct);

    private Task<PlanChange> Change(CallerIdentity caller, IdempotencyKey key, string operation, PlanTarget target,
        Action<SipPlan, StepContext> step, CancellationToken ct) =>
        pipeline.ChangeAsync(caller, key, operation, target.PlanId, target.ActingUnit, target.ExpectedVersion, step, ct);
}

// Which plan a change is for, for which unit, on which read version (0 = do not check).
public sealed record PlanTarget(string PlanId, string? ActingUnit, int ExpectedVersion);
