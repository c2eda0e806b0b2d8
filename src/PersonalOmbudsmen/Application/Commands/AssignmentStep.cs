using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Commands;

// One step on an open assignment (a goal, areas, a note, a contact, the client's agreement, or
// closing): authorize from the id, load and open the sealed content, check expected_version, run
// the domain step, re-seal or (closing) shred, and record the access, all in one commit.
internal sealed class AssignmentStep(
    AssignmentServices services,
    CallerIdentity caller,
    IdempotencyKey key,
    string operation,
    string assignmentId,
    long expectedVersion,
    Func<Assignment, DateTimeOffset, string?> step)
    : Command<AssignmentChange>(caller, key, operation)
{
    public override async Task<Attempt<AssignmentChange>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        var unit = services.Access.RequireAssignment(Caller, assignmentId);
        using var loaded = await services.Repository.LoadAsync(assignmentId, cancellationToken)
            ?? throw OmbudRuleViolation.NotFound($"No assignment {assignmentId}.");
        var assignment = loaded.Assignment;
        OmbudAccess.RequireHolder(unit, assignment.UnitId);
        assignment.RequireOpen();
        if (expectedVersion != loaded.Version)
        {
            throw OmbudRuleViolation.Stale($"expected_version {expectedVersion} is not the assignment's current version ({loaded.Version}); re-read it and retry.");
        }

        var before = assignment.Statistic();
        // Recorded before the step: closing erases the client the record's pseudonym is made from.
        var record = services.Auditor.Record(Caller, AccessAction.Change, assignment, loaded.RequireKey());
        var entryId = step(assignment, services.Time.GetUtcNow()) ?? "";
        if (assignment.IsOpen)
        {
            services.Repository.StageChange(work, loaded, before);
        }
        else
        {
            record.Action = AccessAction.Delete;
            services.Repository.StageClose(work, loaded, assignment.FinalStatistic!);
        }
        AccessRecorder.RecordIn(work, record);

        var result = new AssignmentChange(assignment.Id, loaded.Version + 1, assignment.Status, entryId, Replayed: false);
        return Attempt.Commit(result, result.ResultRef);
    }

    public override async Task<AssignmentChange> ReplayAsync(string resultRef, CancellationToken cancellationToken)
    {
        services.Access.RequireAssignment(Caller, assignmentId);
        var replay = AssignmentChange.FromResultRef(resultRef, AssignmentStatus.Open);
        return replay with { Status = await services.Repository.StatusAsync(replay.AssignmentId, cancellationToken) ?? AssignmentStatus.Closed };
    }
}
