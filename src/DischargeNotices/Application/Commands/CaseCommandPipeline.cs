using Microsoft.Extensions.Options;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Application.Integration;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.DischargeNotices.Application.Telemetry;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Commands;

// How every change to a case is carried out, so each step only says what it decides:
// 1. a request_id seen before returns the original result (a different request under the same
//    request_id is refused);
// 2. load the case; a case the caller may not see is "not found"; authorize the acting unit;
// 3. run the domain step (which throws before changing anything if a rule is broken), then record
//    any deadline newly found missed;
// 4. commit in one unit of work: the case document (version-checked), the index changes, one feed
//    entry per addressee, integration events, the access records and the idempotency key;
// 5. if another writer moved the case meanwhile, start again from 2 with the fresh case.
public sealed class CaseCommandPipeline(
    IDocumentStore store,
    CaseRepository repository,
    CaseIndexer indexer,
    DeadlineEvaluator evaluator,
    SipIntegrationEvents integrationEvents,
    CaseAuditor auditor,
    PersonReferences persons,
    DischargeMetrics metrics,
    TimeProvider time,
    IOptions<DischargeOptions> options)
{
    private const int MaxAttempts = 5;

    public DateTimeOffset Now => time.GetUtcNow();

    public EventContext Context(Actor actor, DateTimeOffset now) => new(actor, now, options.Value.FutureTolerance);

    // A step on an existing case. 'authorize' checks the caller against the loaded case and returns
    // the actor; 'step' appends the event, or returns an existing one with Created = false.
    public async Task<CommandOutcome> ExecuteAsync(
        CallerIdentity caller,
        IdempotencyKey key,
        string caseId,
        string operation,
        Func<DischargeCase, Actor> authorize,
        Func<DischargeCase, EventContext, (CaseEvent Event, bool Created)> step,
        CancellationToken cancellationToken)
    {
        if (await ReplayAsync(caller, key, operation, cancellationToken) is { } replay) return replay;

        for (var attempt = 1; ; attempt++)
        {
            var loaded = await repository.LoadAsync(caseId, cancellationToken);
            var @case = CaseAccess.RequireVisible(caller, loaded?.Case, caseId);
            var now = Now;
            var before = indexer.MembershipOf(@case, now);
            var countBefore = @case.Events.Count;
            var wasOpen = @case.IsOpen;

            CaseEvent result;
            bool created;
            try
            {
                (result, created) = step(@case, Context(authorize(@case), now));
            }
            catch (CaseRuleViolation)
            {
                // A concurrent retry of this same request may have committed since step 1: then the
                // "already notified" the step found is our own success, answered as a replay.
                if (await ReplayAsync(caller, key, operation, cancellationToken) is { } concurrentReplay) return concurrentReplay;
                throw;
            }
            if (!created)
            {
                // Nothing new to record (e.g. an acknowledgement given before): answer with the original.
                return new CommandOutcome(@case, result, Replayed: true);
            }
            @case.RecordNewBreaches(evaluator, now);

            var work = new UnitOfWork();
            var newEvents = @case.Events.Skip(countBefore).ToList();
            CaseRepository.StagePut(work, @case, loaded!.Version);
            indexer.MembershipOf(@case, now).StageChangesFrom(before, work);
            StageDeliveries(work, @case, newEvents, now);
            // Any end of the stay (discharge, death, leaving, another region) frees the person for a new admission notice.
            if (wasOpen && !@case.IsOpen)
            {
                var personRef = persons.For(@case.Patient.PersonalIdentityNumber.Value);
                var lockVersion = await repository.OpenPatientLockVersionAsync(personRef, cancellationToken);
                if (lockVersion > 0) CaseRepository.StageReleaseOpenPatientLock(work, personRef, lockVersion);
            }
            StageAccessRecords(work, caller, @case, newEvents, created: false);
            work.ClaimIdempotencyKey(DischargeStore.RequestScope, key.StoreKey(caller), key.ResultId(@case.Id, result.Sequence));

            switch (await store.CommitAsync(work, cancellationToken))
            {
                case Committed:
                    metrics.Committed(newEvents);
                    return new CommandOutcome(@case, result, Replayed: false);
                case IdempotencyKeyTaken:
                    return await ReplayAsync(caller, key, operation, cancellationToken)
                        ?? throw new InvalidOperationException("An idempotency key was taken but holds no result.");
                case VersionConflict when attempt < MaxAttempts:
                    continue;
                default:
                    throw CaseRuleViolation.State($"The case kept changing while this request was applied ({MaxAttempts} attempts); retry with the same request_id.");
            }
        }
    }

    // The admission notice: creates the case and the patient's open-case lock together.
    public async Task<CommandOutcome> OpenAsync(
        CallerIdentity caller,
        IdempotencyKey key,
        Func<EventContext, DischargeCase> open,
        Actor actor,
        CancellationToken cancellationToken)
    {
        const string operation = "SendAdmissionNotice";
        if (await ReplayAsync(caller, key, operation, cancellationToken) is { } replay) return replay;

        var now = Now;
        var @case = open(Context(actor, now));
        var personRef = persons.For(@case.Patient.PersonalIdentityNumber.Value);
        if (await repository.FindOpenCaseAsync(personRef, cancellationToken) is { } existing)
        {
            // A concurrent retry of this same request may have opened it: that is a replay, not a duplicate.
            return await ReplayAsync(caller, key, operation, cancellationToken)
                ?? throw await DuplicateAdmissionAsync(caller, existing.CaseId, cancellationToken);
        }
        @case.RecordNewBreaches(evaluator, now);

        var work = new UnitOfWork();
        CaseRepository.StagePut(work, @case, expectedVersion: 0);
        CaseRepository.StageOpenPatientLock(work, personRef, @case.Id);
        indexer.MembershipOf(@case, now).StageChangesFrom(new IndexMembership(), work);
        StageDeliveries(work, @case, @case.Events, now);
        StageAccessRecords(work, caller, @case, @case.Events, created: true);
        work.ClaimIdempotencyKey(DischargeStore.RequestScope, key.StoreKey(caller), key.ResultId(@case.Id, 1));

        switch (await store.CommitAsync(work, cancellationToken))
        {
            case Committed:
                metrics.Committed(@case.Events);
                return new CommandOutcome(@case, @case.Events[0], Replayed: false);
            case IdempotencyKeyTaken:
                return await ReplayAsync(caller, key, operation, cancellationToken)
                    ?? throw new InvalidOperationException("An idempotency key was taken but holds no result.");
            case VersionConflict { Collection: DischargeStore.OpenPatients }:
                // Another admission for the same patient committed in between (or a retry of this one).
                var winner = await repository.FindOpenCaseAsync(personRef, cancellationToken);
                return await ReplayAsync(caller, key, operation, cancellationToken)
                    ?? throw await DuplicateAdmissionAsync(caller, winner?.CaseId, cancellationToken);
            default:
                throw CaseRuleViolation.State("The case could not be opened because of a concurrent change; retry with the same request_id.");
        }
    }

    // The deadline monitor's step: record breaches that became due while nobody touched the case.
    public async Task<IReadOnlyList<DeadlineBreached>> RecordDueBreachesAsync(string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await repository.LoadAsync(caseId, cancellationToken) is not { } loaded) return [];
            var @case = loaded.Case;
            var now = Now;
            var before = indexer.MembershipOf(@case, now);
            var breaches = @case.RecordNewBreaches(evaluator, now);
            var after = indexer.MembershipOf(@case, now);

            var work = new UnitOfWork();
            if (breaches.Count > 0)
            {
                CaseRepository.StagePut(work, @case, loaded.Version);
                AccessRecorder.RecordIn(work, auditor.Record(SystemCallers.DeadlineMonitor, AccessAction.Change, @case, CaseAuditor.DeadlineMonitoring));
            }
            after.StageChangesFrom(before, work);
            if (work.Operations.Count == 0) return [];

            switch (await store.CommitAsync(work, cancellationToken))
            {
                case Committed:
                    metrics.Committed(breaches);
                    return breaches;
                case VersionConflict:
                    continue;
                default:
                    return [];
            }
        }
        return [];
    }

    private async Task<CommandOutcome?> ReplayAsync(CallerIdentity caller, IdempotencyKey key, string operation, CancellationToken cancellationToken)
    {
        var stored = await store.GetIdempotentResultAsync(DischargeStore.RequestScope, key.StoreKey(caller), cancellationToken);
        if (stored is null) return null;

        var (caseId, sequence, fingerprint) = IdempotencyKey.ParseResultId(stored);
        if (fingerprint != key.Fingerprint)
        {
            throw CaseRuleViolation.Duplicate(
                $"request_id {EchoedInput.Quote(key.RequestId)} was already used for a different request; use a new request_id for a new change.");
        }
        var loaded = await repository.LoadAsync(caseId, cancellationToken);
        var @case = CaseAccess.RequireVisible(caller, loaded?.Case, caseId);
        metrics.Replayed(operation);
        return new CommandOutcome(@case, @case.EventAt(sequence)!, Replayed: true);
    }

    // Feed entries for the subscribers and integration events for other services.
    private void StageDeliveries(UnitOfWork work, DischargeCase @case, IReadOnlyList<CaseEvent> newEvents, DateTimeOffset now)
    {
        StageFeedEntries(work, @case, newEvents);
        integrationEvents.Stage(work, @case, newEvents, now);
    }

    // One feed entry per addressee unit of each new notice, on the addressee organisation's feed.
    private static void StageFeedEntries(UnitOfWork work, DischargeCase @case, IEnumerable<CaseEvent> newEvents)
    {
        foreach (var notice in newEvents.OfType<NoticeEvent>())
        {
            foreach (var unitId in notice.Addressees)
            {
                var organisation = @case.OrganisationOf(unitId);
                work.Append(DischargeStore.FeedChannel(organisation), NoticeFeed.Serialize(new FeedEntry(@case.Id, notice.Sequence, unitId, notice.RecordedAt.ToUnixTimeSeconds())));
            }
        }
    }

    // The caller's change, and a disclosure record when personal data went to other organisations.
    private void StageAccessRecords(UnitOfWork work, CallerIdentity caller, DischargeCase @case, IReadOnlyList<CaseEvent> newEvents, bool created)
    {
        // A notice given by telephone says so in the purpose (with its reason), for review.
        var purpose = CaseAuditor.PurposeOf(newEvents);
        AccessRecorder.RecordIn(work, auditor.Record(caller, created ? AccessAction.Create : AccessAction.Change, @case, purpose));
        if (newEvents.OfType<NoticeEvent>().Any(n => n.Addressees.Any(u => u != caller.UnitId)))
        {
            AccessRecorder.RecordIn(work, auditor.Record(caller, AccessAction.Disclose, @case, purpose));
        }
    }

    // The refusal of an admission notice for a person with an open case tells the caller that the
    // person is admitted: that is an access to the person, recorded (committed before the refusal
    // leaves). Only a caller who may see the open case learns its id; others learn only that it exists.
    private async Task<CaseRuleViolation> DuplicateAdmissionAsync(CallerIdentity caller, string? existingCaseId, CancellationToken cancellationToken)
    {
        var existing = existingCaseId is null ? null : (await repository.LoadAsync(existingCaseId, cancellationToken))?.Case;
        if (existing is not null)
        {
            await auditor.RecordAsync([auditor.Record(caller, AccessAction.Read, existing, CaseAuditor.AdmissionDuplicateCheck)], cancellationToken);
        }
        return existing is not null && CaseAccess.CanSee(caller, existing)
            ? CaseRuleViolation.Duplicate(
                $"The patient already has an open discharge case ({existing.Id}); send changes to that case, or register its discharge or the end of the stay first.")
            : CaseRuleViolation.Duplicate(
                "The patient already has an open discharge case at another inpatient unit; no notice was sent. The unit holding it transfers it to your unit (TransferToInpatientUnit) or ends it.");
    }
}
