using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.PersonalOmbudsmen.Application.Auditing;

// Access records for assignments. The person is referenced by the assignment's own pseudonym (an
// HMAC of the personnummer under the assignment's data key), not by the platform-wide reference:
// the access log keeps its records for years, and once the assignment is closed and its key
// destroyed nobody can tell whose records they are, nor test a personnummer against them.
public sealed class AssignmentAuditor(AccessRecorder recorder)
{
    // Purpose: a fixed vocabulary, never free text.
    public const string Purpose = "personal-ombudsman";

    public AccessRecord Record(CallerIdentity caller, AccessAction action, Assignment assignment, DataKey key)
    {
        var client = assignment.Client ?? throw new InvalidOperationException("A closed assignment has no client to record.");
        var record = recorder.CreateForPersonReference(caller, action, key.PersonReference(client.PersonalIdentityNumber.Value),
            client.ProtectedIdentity, Purpose, Resource(assignment.Id));
        record.ResourceOrganisationCode = assignment.MunicipalityCode;
        record.ResourceUnitId = assignment.UnitId;
        return record;
    }

    public Task RecordReadsAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken) =>
        recorder.RecordReadsAsync(records, cancellationToken);

    public static string Resource(string assignmentId) => $"ombud-assignment/{assignmentId}";
}
