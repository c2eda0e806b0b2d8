using Samverkan.Contracts.Audit.V1;
using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Application.Auditing;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Paging;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.PersonalOmbudsmen.Application.Queries;

public sealed record AssignmentView(Assignment Assignment, long Version);

public sealed record AssignmentPage(IReadOnlyList<AssignmentView> Assignments, string NextPageToken);

// Reading assignments: authorized from the id (or the caller's unit), opened with each
// assignment's key, and every assignment shown is recorded in the access log before it leaves.
public sealed class AssignmentQueries(AssignmentRepository repository, OmbudAccess access, AssignmentAuditor auditor, IndexPager pager)
{
    public async Task<AssignmentView> GetAsync(CallerIdentity caller, string assignmentId, CancellationToken cancellationToken)
    {
        var unit = access.RequireAssignment(caller, assignmentId);
        using var loaded = await repository.LoadAsync(assignmentId, cancellationToken)
            ?? throw OmbudRuleViolation.NotFound($"No assignment {assignmentId}.");
        OmbudAccess.RequireHolder(unit, loaded.Assignment.UnitId);
        loaded.Assignment.RequireOpen();
        await auditor.RecordReadsAsync([auditor.Record(caller, AccessAction.Read, loaded.Assignment, loaded.RequireKey())], cancellationToken);
        return new AssignmentView(loaded.Assignment, loaded.Version);
    }

    // The caller's unit's open assignments, oldest first.
    public async Task<AssignmentPage> ListAsync(CallerIdentity caller, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var unit = access.RequireOmbudsman(caller);
        var page = await pager.ReadAsync(OmbudStore.Indexes.OpenByUnit(unit.Id), double.NegativeInfinity, double.PositiveInfinity,
            descending: false, pageSize, pageToken, cancellationToken);
        var views = new List<AssignmentView>();
        var records = new List<AccessRecord>();
        foreach (var entry in page.Entries)
        {
            // Closed between the index read and now: left out.
            using var loaded = await repository.LoadAsync(entry.Member, cancellationToken);
            if (loaded is not { Key: { } key } || loaded.Assignment.UnitId != unit.Id) continue;
            views.Add(new AssignmentView(loaded.Assignment, loaded.Version));
            records.Add(auditor.Record(caller, AccessAction.Read, loaded.Assignment, key));
        }
        await auditor.RecordReadsAsync(records, cancellationToken);
        return new AssignmentPage(views, page.NextPageToken);
    }
}
