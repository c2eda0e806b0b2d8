using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.PersonalOmbudsmen.Application.Commands;

// The changing operations on assignments: which domain step each is. Idempotency, retries and the
// all-or-nothing commit are the pipeline's; authorization, sealing and access records the commands'.
//
// Idempotency fingerprints are keyed (RequestFingerprints): by the assignment's data key for steps
// that carry personal data, so they die with it; by the key ring for the opening. Closing carries
// no personal data and keeps the plain fingerprint, so its retries are answered after the shred.
public sealed class AssignmentCommands(CommandPipeline pipeline, AssignmentServices services, RequestFingerprints fingerprints)
{
    public Task<AssignmentChange> OpenAsync(CallerIdentity caller, IdempotencyKey key, OpeningRequest request, CancellationToken cancellationToken)
    {
        services.Access.RequireOmbudsman(caller);
        return pipeline.ExecuteAsync(new OpenAssignmentCommand(services, caller, fingerprints.ForOpening(key), request), cancellationToken);
    }

    public Task<AssignmentChange> AddGoalAsync(CallerIdentity caller, IdempotencyKey key, string assignmentId, long expectedVersion, string text, CancellationToken cancellationToken) =>
        PersonalStepAsync(caller, key, "AddGoal", assignmentId, expectedVersion, (a, now) => a.AddGoal(text, now).Id, cancellationToken);

    public Task<AssignmentChange> SetAreasAsync(CallerIdentity caller, IdempotencyKey key, string assignmentId, long expectedVersion, IReadOnlyList<Area> areas, CancellationToken cancellationToken) =>
        PersonalStepAsync(caller, key, "SetAreas", assignmentId, expectedVersion, (a, _) => { a.SetAreas(areas); return null; }, cancellationToken);

    public Task<AssignmentChange> AddNoteAsync(CallerIdentity caller, IdempotencyKey key, string assignmentId, long expectedVersion, string text, CancellationToken cancellationToken) =>
        PersonalStepAsync(caller, key, "AddWorkingNote", assignmentId, expectedVersion, (a, now) => a.AddNote(text, now).Id, cancellationToken);

    public Task<AssignmentChange> RecordContactAsync(CallerIdentity caller, IdempotencyKey key, string assignmentId, long expectedVersion,
        AuthorityKind kind, string authorityName, string about, DateTimeOffset? contactedAt, CancellationToken cancellationToken) =>
        PersonalStepAsync(caller, key, "RecordContact", assignmentId, expectedVersion,
            (a, now) => a.RecordContact(kind, authorityName, about, contactedAt, now).Id, cancellationToken);

    public Task<AssignmentChange> RecordClientAgreementAsync(CallerIdentity caller, IdempotencyKey key, string assignmentId, long expectedVersion,
        IReadOnlyCollection<string> entryIds, bool agreed, DateTimeOffset? recordedAt, CancellationToken cancellationToken) =>
        PersonalStepAsync(caller, key, "RecordClientAgreement", assignmentId, expectedVersion,
            (a, now) => { a.RecordClientAgreement(entryIds, agreed, recordedAt, now); return null; }, cancellationToken);

    public Task<AssignmentChange> CloseAsync(CallerIdentity caller, IdempotencyKey key, string assignmentId, long expectedVersion,
        Outcome outcome, DateTimeOffset? closedAt, CancellationToken cancellationToken)
    {
        RequireVersion(expectedVersion);
        return pipeline.ExecuteAsync(new AssignmentStep(services, caller, key, "CloseAssignment", assignmentId, expectedVersion,
            (a, now) => { a.Close(outcome, closedAt, now); return null; }), cancellationToken);
    }

    private async Task<AssignmentChange> PersonalStepAsync(CallerIdentity caller, IdempotencyKey key, string operation, string assignmentId,
        long expectedVersion, Func<Assignment, DateTimeOffset, string?> step, CancellationToken cancellationToken)
    {
        services.Access.RequireAssignment(caller, assignmentId);
        RequireVersion(expectedVersion);
        var keyed = await fingerprints.ForAssignmentAsync(key, assignmentId, cancellationToken);
        return await pipeline.ExecuteAsync(new AssignmentStep(services, caller, keyed, operation, assignmentId, expectedVersion, step), cancellationToken);
    }

    private static void RequireVersion(long expectedVersion)
    {
        if (expectedVersion <= 0)
        {
            throw OmbudRuleViolation.Invalid("expected_version", "expected_version is required: the version of the assignment you last read (GetAssignment or the last change's answer).");
        }
    }
}
