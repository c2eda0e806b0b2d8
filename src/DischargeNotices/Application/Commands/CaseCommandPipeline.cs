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

// How every change to a case is carried out, on ServiceCore's CommandPipeline (idempotent replay
// by request_id, optimistic retry on a version conflict, one unit of work), so each step only says
// what it decides:
// 1. load the case; a case the caller may not see is "not found"; authorize the acting unit;
// 2. run the domain step (which throws before changing anything if a rule is broken), then record
//    any deadline newly found missed;
// 3. stage the case document (version-checked), the index changes, one feed entry per addressee,
//    integration events and the access records; the pipeline adds the idempotency key and commits.
public sealed class CaseCommandPipeline(
    CommandPipeline commands,
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
    private const int MaxAttempts = CommandPipeline.MaxAttempts;

    public DateTimeOffset Now => time.GetUtcNow();

    // For the commands below (nested classes cannot see primary-constructor parameters).
    private CaseRepository Repository => repository;
    private CaseIndexer Indexer => indexer;
    private DeadlineEvaluator Evaluator => evaluator;
    private PersonReferences Persons => persons;
    private DischargeMetrics Metrics => metrics;

    public EventContext Context(Actor actor, DateTimeOffset now) => new(actor, now, options.Value.FutureTolerance);

    // A step on an existing case. 'authorize' checks the caller against the loaded case and returns
    // the actor; 'step' appends the event, or returns an existing one with Created = false.
    public Task<CommandOutcome> ExecuteAsync(
        CallerIdentity caller,
        IdempotencyKey key,
        string caseId,
        string operation,
        Func<DischargeCase, Actor> authorize,
        Func<DischargeCase, EventContext, (CaseEvent Event, bool Created)> step,
        CancellationToken cancellationToken) =>
        commands.ExecuteAsync(new CaseStep(this, caller, key, operation, caseId, authorize, step), cancellationToken);

    // The admission notice: creates the case and the patient's open-case lock together.
    public Task<CommandOutcome> OpenAsync(
        CallerIdentity caller,
        IdempotencyKey key,
        Func<EventContext, DischargeCase> open,
        Actor actor,
        CancellationToken cancellationToken) =>
        commands.ExecuteAsync(new CaseOpening(this, caller, key, open, actor), cancellationToken);

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

    // A command's replay: the case and the event an earlier success of the request answered with.
    private async Task<CommandOutcome> ReplayAsync(CallerIdentity caller, string resultRef, CancellationToken cancellationToken)
    {
        var (caseId, sequence) = ParseResultRef(resultRef);
        var loaded = await repository.LoadAsync(caseId, cancellationToken);
        var @case = CaseAccess.RequireVisible(caller, loaded?.Case, caseId);
        return new CommandOutcome(@case, @case.EventAt(sequence)!, Replayed: true);
    }

    private static string ResultRef(string caseId, int sequence) => $"{caseId}/{sequence}";

    private static (string CaseId, int Sequence) ParseResultRef(string resultRef)
    {
        var parts = resultRef.Split('/');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    // Case commands share the replay and the metrics.
    private abstract class CaseCommand(CaseCommandPipeline pipeline, CallerIdentity caller, IdempotencyKey key, string operation)
        : Command<CommandOutcome>(caller, key, operation)
    {
        protected CaseCommandPipeline Pipeline { get; } = pipeline;

        public override Task<CommandOutcome> ReplayAsync(string resultRef, CancellationToken cancellationToken) =>
            Pipeline.ReplayAsync(Caller, resultRef, cancellationToken);

        public override void OnReplayed(CommandOutcome result) => Pipeline.Metrics.Replayed(Operation);
    }

    private sealed class CaseStep(
        CaseCommandPipeline pipeline, CallerIdentity caller, IdempotencyKey key, string operation, string caseId,
        Func<DischargeCase, Actor> authorize, Func<DischargeCase, EventContext, (CaseEvent Event, bool Created)> step)
        : CaseCommand(pipeline, caller, key, operation)
    {
        private IReadOnlyList<CaseEvent> _newEvents = [];

        public override async Task<Attempt<CommandOutcome>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
        {
            var p = Pipeline;
            var loaded = await p.Repository.LoadAsync(caseId, cancellationToken);
            var @case = CaseAccess.RequireVisible(Caller, loaded?.Case, caseId);
            var now = p.Now;
            var before = p.Indexer.MembershipOf(@case, now);
            var countBefore = @case.Events.Count;
            var wasOpen = @case.IsOpen;

            var (result, created) = step(@case, p.Context(authorize(@case), now));
            if (!created)
            {
                // Nothing new to record (e.g. an acknowledgement given before): answer with the original.
                return Attempt.NoChange(new CommandOutcome(@case, result, Replayed: true));
            }
            @case.RecordNewBreaches(p.Evaluator, now);

            _newEvents = @case.Events.Skip(countBefore).ToList();
            CaseRepository.StagePut(work, @case, loaded!.Version);
            p.Indexer.MembershipOf(@case, now).StageChangesFrom(before, work);
            p.StageDeliveries(work, @case, _newEvents, now);
            // Any end of the stay (discharge, death, leaving, another region) frees the person for a new admission notice.
            if (wasOpen && !@case.IsOpen)
            {
                var personRef = p.Persons.For(@case.Patient.PersonalIdentityNumber.Value);
                var lockVersion = await p.Repository.OpenPatientLockVersionAsync(personRef, cancellationToken);
                if (lockVersion > 0) CaseRepository.StageReleaseOpenPatientLock(work, personRef, lockVersion);
            }
            p.StageAccessRecords(work, Caller, @case, _newEvents, created: false);
            return Attempt.Commit(new CommandOutcome(@case, result, Replayed: false), ResultRef(@case.Id, result.Sequence));
        }

        public override void OnCommitted(CommandOutcome result) => Pipeline.Metrics.Committed(_newEvents);
    }

    private sealed class CaseOpening(
        CaseCommandPipeline pipeline, CallerIdentity caller, IdempotencyKey key, Func<EventContext, DischargeCase> open, Actor actor)
        : CaseCommand(pipeline, caller, key, "SendAdmissionNotice")
    {
        public override async Task<Attempt<CommandOutcome>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
        {
            var p = Pipeline;
            var now = p.Now;
            var @case = open(p.Context(actor, now));
            var personRef = p.Persons.For(@case.Patient.PersonalIdentityNumber.Value);
            // (A concurrent retry of this same request may have opened it: the pipeline answers that as a replay.)
            if (await p.Repository.FindOpenCaseAsync(personRef, cancellationToken) is { } existing)
            {
                throw await p.DuplicateAdmissionAsync(Caller, existing.CaseId, cancellationToken);
            }
            @case.RecordNewBreaches(p.Evaluator, now);

            CaseRepository.StagePut(work, @case, expectedVersion: 0);
            CaseRepository.StageOpenPatientLock(work, personRef, @case.Id);
            p.Indexer.MembershipOf(@case, now).StageChangesFrom(new IndexMembership(), work);
            p.StageDeliveries(work, @case, @case.Events, now);
            p.StageAccessRecords(work, Caller, @case, @case.Events, created: true);
            return Attempt.Commit(new CommandOutcome(@case, @case.Events[0], Replayed: false), ResultRef(@case.Id, 1));
        }

        public override void OnCommitted(CommandOutcome result) => Pipeline.Metrics.Committed(result.Case.Events);
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
    private async Task<CaseRuleViolation> DuplicateAdmissionAsync(CallerIdentity caller, string existingCaseId, CancellationToken cancellationToken)
    {
        var existing = (await repository.LoadAsync(existingCaseId, cancellationToken))?.Case;
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
