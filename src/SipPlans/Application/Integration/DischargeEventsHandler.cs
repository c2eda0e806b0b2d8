using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Events.V1;
using Samverkan.SharedKernel.Time;
using Samverkan.SipPlans.Application.Auditing;
using Samverkan.SipPlans.Application.Persistence;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.SipPlans.Application.Integration;

// Consumes the discharge service's "events" channel (one entry per batch):
// - SipInvitationDeadlineStarted opens a plan in INVITATION_DUE for the fixed care contact's unit,
//   or restarts the deadline on the plan already opened for the case;
// - SipInvitationDeadlineCancelled cancels the deadline (not breached).
// The plan, its indexes, the case link, the access record and the consumer position commit together
// (batch.AdvanceWithin), so an event has its effect exactly once even when either service is killed
// between the event and its handling; the domain steps are idempotent as a second guard.
// Never logs payloads (personal data).
public sealed class DischargeEventsHandler(
    IDocumentStore store,
    PlanRepository repository,
    PlanIndexer indexer,
    PlanAuditor auditor,
    UnitDirectory directory,
    TimeProvider time) : IChannelHandler
{
    public async Task HandleAsync(ChannelBatch batch, CancellationToken cancellationToken)
    {
        var work = new UnitOfWork();
        foreach (var entry in batch.Entries)
        {
            var envelope = IntegrationEventEnvelope.Parser.ParseFrom(entry.Payload.Span);
            if (envelope.Payload.TryUnpack<SipInvitationDeadlineStarted>(out var started))
            {
                await StartedAsync(work, started, cancellationToken);
            }
            else if (envelope.Payload.TryUnpack<SipInvitationDeadlineCancelled>(out var cancelled))
            {
                await CancelledAsync(work, cancelled, cancellationToken);
            }
        }
        batch.AdvanceWithin(work);
        var result = await store.CommitAsync(work, cancellationToken);
        if (result is not Committed)
        {
            // Another writer moved the plan (or another instance handled the batch): deliver again.
            throw new InvalidOperationException($"Discharge event batch not committed ({result.GetType().Name}); it is delivered again.");
        }
    }

    private async Task StartedAsync(UnitOfWork work, SipInvitationDeadlineStarted started, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deadline = new DischargeDeadline(started.DischargeCaseId, started.ReadinessEventSequence, started.ReadinessNotifiedAt.ToDateTimeOffset(),
            started.InvitationDueAt.ToDateTimeOffset(), started.OutpatientUnit.Id, started.MunicipalUnits.Select(u => u.Id).ToList(), started.SipConsentRecorded);
        var context = Context(deadline.OutpatientUnit, now);
        var (link, linkVersion) = await repository.FindDischargeLinkAsync(started.DischargeCaseId, cancellationToken);
        var existing = link is null ? null : await repository.LoadAsync(link.PlanId, cancellationToken);

        if (existing is { Plan.IsOpen: true })
        {
            var plan = existing.Plan;
            var before = indexer.MembershipOf(plan);
            if (plan.RestartInvitationDeadline(deadline, context).Count == 0) return;
            Stage(work, plan, existing.Version, before, context);
            return;
        }

        // No plan for the case yet, or the one opened for it was closed: a new readiness notice needs a new plan.
        var person = new PlanPerson(PersonalIdentityNumber.Parse(started.PersonalIdentityNumber.Value), null, null, started.ProtectedIdentity);
        var opened = SipPlan.OpenFromDischarge(Guid.NewGuid().ToString("N"), person, deadline, context);
        Stage(work, opened, 0, new(), context);
        if (link is null) PlanRepository.StageDischargeLink(work, started.DischargeCaseId, opened.Id);
        else work.Put(SipStore.DischargeLinks, started.DischargeCaseId,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new DischargeLink(opened.Id), SipJson.Options), linkVersion);
    }

    private async Task CancelledAsync(UnitOfWork work, SipInvitationDeadlineCancelled cancelled, CancellationToken cancellationToken)
    {
        var (link, _) = await repository.FindDischargeLinkAsync(cancelled.DischargeCaseId, cancellationToken);
        if (link is null || await repository.LoadAsync(link.PlanId, cancellationToken) is not { } loaded) return;
        var plan = loaded.Plan;
        var deadlineUnit = plan.InvitationDeadline?.ResponsibleUnit ?? plan.InitiatingUnit;
        var before = indexer.MembershipOf(plan);
        if (plan.CancelInvitationDeadline(cancelled.ReadinessEventSequence, cancelled.WithdrawnAt.ToDateTimeOffset(), Context(deadlineUnit, time.GetUtcNow())).Count == 0) return;
        Stage(work, plan, loaded.Version, before, Context(deadlineUnit, time.GetUtcNow()));
    }

    private StepContext Context(string unitId, DateTimeOffset now)
    {
        var unit = directory.FindUnit(unitId)
            ?? throw new InvalidDataException("A discharge event names a unit that is not in the unit directory.");
        return new StepContext(new Actor(unit.OrganisationCode, unit.Id, System: true), now, SwedishCalendar.DateOf(now), directory);
    }

    private void Stage(UnitOfWork work, SipPlan plan, long version, Samverkan.ServiceCore.Indexing.IndexMembership before, StepContext context)
    {
        PlanRepository.StagePut(work, plan, version);
        indexer.MembershipOf(plan).StageChangesFrom(before, work);
        var caller = SystemCallers.DischargeConsumer(context.Actor.OrganisationCode, context.Actor.UnitId!);
        AccessRecorder.RecordIn(work, auditor.Record(caller, version == 0 ? AccessAction.Create : AccessAction.Change, plan, PlanAuditor.DischargeDeadline));
    }
}
