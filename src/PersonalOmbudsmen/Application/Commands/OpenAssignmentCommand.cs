using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Commands;

// Opens an assignment: a new data key, the sealed content, the anonymous statistics record and the
// creation's access record, in one commit.
internal sealed class OpenAssignmentCommand(AssignmentServices services, CallerIdentity caller, IdempotencyKey key, OpeningRequest request)
    : Command<AssignmentChange>(caller, key, "OpenAssignment")
{
    public override Task<Attempt<AssignmentChange>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        var unit = services.Access.RequireOmbudsman(Caller);
        var now = services.Time.GetUtcNow();
        var client = Client.Create(request.PersonalIdentityNumber, request.GivenName, request.FamilyName, request.Phone, request.ProtectedIdentity);
        var assignment = Assignment.Open(MunicipalIds.New(request.MunicipalityCode ?? ""), Guid.NewGuid().ToString("N"), request.MunicipalityCode,
            unit.Id, services.Directory, client, request.MandateGivenAt, request.MandateForm, request.Areas, request.Goals, now);
        if (assignment.MunicipalityCode != unit.OrganisationCode)
        {
            throw OmbudRuleViolation.Denied($"Your PO unit serves municipality {unit.OrganisationCode}; a client of another municipality is that municipality's PO unit's to take on.");
        }

        using var dataKey = DataKey.Create(assignment.Id);
        services.Repository.StageOpen(work, assignment, dataKey);
        AccessRecorder.RecordIn(work, services.Auditor.Record(Caller, AccessAction.Create, assignment, dataKey));
        var result = new AssignmentChange(assignment.Id, 1, AssignmentStatus.Open, "", Replayed: false);
        return Task.FromResult(Attempt.Commit(result, result.ResultRef));
    }

    public override async Task<AssignmentChange> ReplayAsync(string resultRef, CancellationToken cancellationToken)
    {
        var replay = AssignmentChange.FromResultRef(resultRef, AssignmentStatus.Open);
        services.Access.RequireAssignment(Caller, replay.AssignmentId);
        return replay with { Status = await services.Repository.StatusAsync(replay.AssignmentId, cancellationToken) ?? AssignmentStatus.Open };
    }
}
