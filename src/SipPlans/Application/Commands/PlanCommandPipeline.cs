using System.Globalization;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Time;
using Samverkan.SipPlans.Application.Access;
using Samverkan.SipPlans.Application.Auditing;
using Samverkan.SipPlans.Application.Integration;
using Samverkan.SipPlans.Application.Persistence;
using Samverkan.Store;

namespace Samverkan.SipPlans.Application.Commands;

// How every change to a plan is carried out, on ServiceCore's CommandPipeline (idempotent replay by
// request_id, optimistic retry on a version conflict, one unit of work):
// 1. load the plan; a plan the caller may not see is "not found"; resolve the acting unit;
// 2. check expected_version against the plan's revision: a change on a stale read is refused, so
//    two organisations editing one plan never overwrite each other silently;
// 3. run the domain step (which throws before changing anything if a rule is broken);
// 4. stage the plan document (store-version-checked), index changes, integration events and the
//    access record; the pipeline adds the idempotency key and commits all or nothing.
public sealed class PlanCommandPipeline(
    CommandPipeline commands,
    PlanRepository repository,
    PlanIndexer indexer,
    PlanAuthorization authorization,
    PlanAuditor auditor,
    SipIntegrationEvents integrationEvents,
    UnitDirectory directory,
    TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    // For the commands below (nested classes cannot see primary-constructor parameters).
    private PlanRepository Repository => repository;
    private PlanAuthorization Authorization => authorization;

    public StepContext Context(Actor actor, DateTimeOffset now) => new(actor, now, SwedishCalendar.DateOf(now), directory);

    // A step on an existing plan; 'step' appends its events to the plan.
    public Task<PlanChange> ChangeAsync(CallerIdentity caller, IdempotencyKey key, string operation, string planId, string? actingUnit,
        int expectedVersion, Action<SipPlan, StepContext> step, CancellationToken cancellationToken)
    {
        if (expectedVersion < 0) throw RuleViolation.Invalid("expected_version", "expected_version must not be negative.");
        return commands.ExecuteAsync(new PlanStepCommand(this, caller, key, operation, planId, actingUnit, expectedVersion, step), cancellationToken);
    }

    // Upptäck behov: a new plan.
    public Task<PlanChange> InitiateAsync(CallerIdentity caller, IdempotencyKey key, string? actingUnit,
        Func<string, StepContext, SipPlan> initiate, CancellationToken cancellationToken) =>
        commands.ExecuteAsync(new PlanInitiation(this, caller, key, actingUnit, initiate), cancellationToken);

    // Stages a plan's new state: document, index changes, integration events, access record.
    public void Stage(UnitOfWork work, CallerIdentity caller, SipPlan plan, long storedVersion, Persistence.PlanIndexSnapshot before,
        int revisionBefore, AccessAction action, string purpose = PlanAuditor.Coordination)
    {
        PlanRepository.StagePut(work, plan, storedVersion);
        indexer.MembershipOf(plan).StageChangesFrom(before.Membership, work);
        integrationEvents.Stage(work, plan, plan.Events.Skip(revisionBefore).ToList());
        AccessRecorder.RecordIn(work, auditor.Record(caller, action, plan, purpose));
    }

    public Persistence.PlanIndexSnapshot Snapshot(SipPlan? plan) => new(plan is null ? new() : indexer.MembershipOf(plan));

    private async Task<PlanChange> ReplayAsync(CallerIdentity caller, string resultRef, CancellationToken cancellationToken)
    {
        PlanAuthorization.RequireParticipant(caller);
        var split = resultRef.LastIndexOf('/');
        var planId = resultRef[..split];
        var revision = int.Parse(resultRef[(split + 1)..], CultureInfo.InvariantCulture);
        var loaded = await repository.LoadAsync(planId, cancellationToken)
            ?? throw new InvalidOperationException("A replayed plan change names a plan that does not exist.");
        // The plan as that change left it (later changes by others are not this request's answer).
        return new PlanChange(SipPlan.Rehydrate(planId, loaded.Plan.Events.Take(revision)), revision, Replayed: true);
    }

    private static string ResultRef(SipPlan plan) => $"{plan.Id}/{plan.Revision}";

    private abstract class PlanCommand(PlanCommandPipeline pipeline, CallerIdentity caller, IdempotencyKey key, string operation)
        : Command<PlanChange>(caller, key, operation)
    {
        protected PlanCommandPipeline Pipeline { get; } = pipeline;

        public override Task<PlanChange> ReplayAsync(string resultRef, CancellationToken cancellationToken) =>
            Pipeline.ReplayAsync(Caller, resultRef, cancellationToken);
    }

    private sealed class PlanStepCommand(PlanCommandPipeline pipeline, CallerIdentity caller, IdempotencyKey key, string operation,
        string planId, string? actingUnit, int expectedVersion, Action<SipPlan, StepContext> step)
        : PlanCommand(pipeline, caller, key, operation)
    {
        public override async Task<Attempt<PlanChange>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
        {
            var p = Pipeline;
            var now = p.Now;
            var loaded = await p.Repository.LoadAsync(planId, cancellationToken);
            var actor = p.Authorization.RequireChange(Caller, loaded?.Plan, planId, actingUnit, now);
            var plan = loaded!.Plan;
            if (expectedVersion != 0 && expectedVersion != plan.Revision)
            {
                throw RuleViolation.State(
                    $"Plan {plan.Id} is at version {plan.Revision}, not {expectedVersion}: it changed since you read it. Read it again, apply your change to the current version and retry with a new request_id.",
                    new PreconditionSubject("PLAN_VERSION", plan.Revision.ToString(CultureInfo.InvariantCulture)));
            }
            var before = p.Snapshot(plan);
            var revisionBefore = plan.Revision;

            step(plan, p.Context(actor, now));

            p.Stage(work, Caller, plan, loaded.Version, before, revisionBefore, AccessAction.Change);
            return Attempt.Commit(new PlanChange(plan, plan.Revision, Replayed: false), ResultRef(plan));
        }
    }

    private sealed class PlanInitiation(PlanCommandPipeline pipeline, CallerIdentity caller, IdempotencyKey key, string? actingUnit,
        Func<string, StepContext, SipPlan> initiate)
        : PlanCommand(pipeline, caller, key, "InitiatePlan")
    {
        public override Task<Attempt<PlanChange>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
        {
            var p = Pipeline;
            var now = p.Now;
            var actor = p.Authorization.Actor(Caller, actingUnit);
            var plan = initiate(Guid.NewGuid().ToString("N"), p.Context(actor, now));
            p.Stage(work, Caller, plan, storedVersion: 0, p.Snapshot(null), revisionBefore: 0, AccessAction.Create);
            return Task.FromResult(Attempt.Commit(new PlanChange(plan, plan.Revision, Replayed: false), ResultRef(plan)));
        }
    }
}
