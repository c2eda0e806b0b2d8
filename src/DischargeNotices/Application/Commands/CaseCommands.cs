using Samverkan.DischargeNotices.Application.Access;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.DischargeNotices.Application.Commands;

// The changing operations of the service: who may do each (CaseAccess) and which domain step it
// is. Everything else (idempotency, concurrency, indexes, feeds, events, audit) is the pipeline's.
public sealed class CaseCommands(CaseCommandPipeline pipeline, CaseAccess access, RecipientRouter router)
{
    public Task<CommandOutcome> SendAdmissionNoticeAsync(CallerIdentity caller, IdempotencyKey key, AdmissionRequest request, CancellationToken cancellationToken)
    {
        var unit = access.RequireSendingUnit(caller, request.ActingUnit);
        var recipients = router.Route(request.ResidenceMunicipality, request.Needs, request.OutpatientUnit);
        var details = new AdmissionDetails(request.Patient, request.ResidenceMunicipality, unit.Id, unit.OrganisationCode,
            request.CareType, request.Needs, request.AdmittedAt, request.NeedsAssessedAt, request.EstimatedDischargeDate, request.Consent,
            request.Telephone);
        return pipeline.OpenAsync(caller, key, context => DischargeCase.Open(NewCaseId(), details, recipients, context), ActorOf(unit), cancellationToken);
    }

    public Task<CommandOutcome> ChangeEstimatedDischargeDateAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        DateOnly date, DateTimeOffset? estimatedAt, CancellationToken cancellationToken,
        TelephoneNotice? telephone = null) =>
        AsSender(caller, key, caseId, actingUnit, "ChangeEstimatedDischargeDate",
            (c, context) => c.ChangeEstimatedDischargeDate(date, estimatedAt, context, telephone), cancellationToken);

    public Task<CommandOutcome> NotifyReadyForDischargeAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        DateTimeOffset judgedReadyAt, CancellationToken cancellationToken,
        TelephoneNotice? telephone = null) =>
        AsSender(caller, key, caseId, actingUnit, "NotifyReadyForDischarge",
            (c, context) => c.NotifyReadyForDischarge(judgedReadyAt, context, telephone), cancellationToken);

    public Task<CommandOutcome> WithdrawReadinessAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        DateTimeOffset withdrawnAt, ReadinessWithdrawalReason reason, CancellationToken cancellationToken,
        TelephoneNotice? telephone = null) =>
        AsSender(caller, key, caseId, actingUnit, "WithdrawReadiness",
            (c, context) => c.WithdrawReadiness(withdrawnAt, reason, context, telephone), cancellationToken);

    public Task<CommandOutcome> TransferInformationAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        DateTimeOffset? transferredAt, string summary, CancellationToken cancellationToken) =>
        AsSender(caller, key, caseId, actingUnit, "TransferInformation",
            (c, context) => c.TransferInformation(transferredAt, summary, context), cancellationToken);

    public Task<CommandOutcome> RegisterDischargeAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        DateTimeOffset dischargedAt, CancellationToken cancellationToken,
        TelephoneNotice? telephone = null) =>
        AsSender(caller, key, caseId, actingUnit, "RegisterDischarge",
            (c, context) => c.RegisterDischarge(dischargedAt, context, telephone), cancellationToken);

    // Death, leaving against advice, a move to another region: closes the case (Lag 2017:612 has no
    // notice for it; the recipients are told so their planning stops).
    public Task<CommandOutcome> EndStayAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        StayEndKind kind, DateTimeOffset endedAt, TelephoneNotice? telephone, CancellationToken cancellationToken) =>
        AsSender(caller, key, caseId, actingUnit, "EndStay",
            (c, context) => c.EndStay(kind, endedAt, context, telephone), cancellationToken);

    // The current sending unit hands the case to another inpatient unit of the region.
    public Task<CommandOutcome> TransferToInpatientUnitAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        string? newUnitId, DateTimeOffset transferredAt, TelephoneNotice? telephone, CancellationToken cancellationToken)
    {
        var target = access.RequireInpatientUnit(newUnitId, "new_sending_unit");
        return AsSender(caller, key, caseId, actingUnit, "TransferToInpatientUnit",
            (c, context) => c.TransferToInpatientUnit(target.Id, target.OrganisationCode, transferredAt, context, telephone), cancellationToken);
    }

    // New needs after discharge, routed anew from the residence municipality.
    public Task<CommandOutcome> ChangeNeedsAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        IReadOnlyList<CareNeed> needs, DateTimeOffset? judgedAt, string? outpatientUnit, TelephoneNotice? telephone, CancellationToken cancellationToken) =>
        AsSender(caller, key, caseId, actingUnit, "ChangeNeeds",
            (c, context) => c.ChangeNeeds(needs, router.Route(c.ResidenceMunicipality, needs, outpatientUnit), judgedAt, context, telephone),
            cancellationToken);

    // Planering påbörjad / redo att ta emot, by a recipient unit.
    public Task<CommandOutcome> RecordPlanningStepAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        PlanningStep step, DateTimeOffset? occurredAt, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, "RecordPlanningStep",
            c => ActorOf(access.RequireRecipientUnit(caller, actingUnit, c)),
            (c, context) => (c.RecordPlanningStep(context.Actor.UnitId!, step, occurredAt, context), true), cancellationToken);

    public Task<CommandOutcome> RecordConsentAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        ConsentGrant consent, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, "RecordConsent",
            c => ActorOf(access.RequireParticipantUnit(caller, actingUnit, c)),
            (c, context) => (c.RecordConsent(consent, context), true), cancellationToken);

    public Task<CommandOutcome> WithdrawConsentAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        IReadOnlyList<ConsentScope> scopes, DateTimeOffset? withdrawnAt, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, "WithdrawConsent",
            c => ActorOf(access.RequireParticipantUnit(caller, actingUnit, c)),
            (c, context) => (c.WithdrawConsent(scopes, withdrawnAt, context), true), cancellationToken);

    public Task<CommandOutcome> AcknowledgeNoticeAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        int noticeSequence, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, "AcknowledgeNotice",
            c => ActorOf(AcknowledgingUnit(caller, actingUnit, c)),
            (c, context) => c.Acknowledge(noticeSequence, context.Actor.UnitId!, context), cancellationToken);

    public Task<CommandOutcome> AppointFixedCareContactAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        string name, string title, string phone, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, "AppointFixedCareContact",
            c => ActorOf(access.RequireRecipientUnit(caller, actingUnit, c)),
            (c, context) => (c.AppointFixedCareContact(context.Actor.UnitId!, name, title, phone, context), true), cancellationToken);

    public Task<CommandOutcome> RecordSipInvitationAsync(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit,
        DateTimeOffset invitedAt, string? sipPlanId, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, "RecordSipInvitation",
            c => ActorOf(access.RequireRecipientUnit(caller, actingUnit, c)),
            (c, context) => (c.RecordSipInvitation(context.Actor.UnitId!, invitedAt, sipPlanId, context), true), cancellationToken);

    private Task<CommandOutcome> AsSender(CallerIdentity caller, IdempotencyKey key, string caseId, string? actingUnit, string operation,
        Func<DischargeCase, EventContext, CaseEvent> step, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(caller, key, caseId, operation,
            c =>
            {
                var unit = access.RequireSendingUnit(caller, actingUnit);
                CaseAccess.RequireSenderOf(unit, c);
                return ActorOf(unit);
            },
            (c, context) => (step(c, context), true), cancellationToken);

    // Recipients acknowledge notices; the sending unit acknowledges the notices addressed to it
    // (the appointment of the fixed care contact); units that took part earlier (a removed recipient,
    // the unit before a transfer) acknowledge what was addressed to them.
    private DirectoryUnit AcknowledgingUnit(CallerIdentity caller, string? actingUnit, DischargeCase @case) =>
        access.RequireTakingPartUnit(caller, actingUnit, @case);

    private static Actor ActorOf(DirectoryUnit unit) => new(unit.OrganisationCode, unit.Id);

    private static string NewCaseId() => Guid.NewGuid().ToString("N");
}
