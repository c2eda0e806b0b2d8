using Samverkan.PersonalOmbudsmen.Domain.Assignments;

namespace Samverkan.PersonalOmbudsmen.Application.Commands;

// The answer to every change of an assignment. EntryId: the goal, note or contact written, if any.
public sealed record AssignmentChange(string AssignmentId, long Version, AssignmentStatus Status, string EntryId, bool Replayed)
{
    public string ResultRef => $"{AssignmentId}/{Version}/{EntryId}";

    public static AssignmentChange FromResultRef(string resultRef, AssignmentStatus status)
    {
        var parts = resultRef.Split('/');
        return new AssignmentChange(parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), status, parts[2], Replayed: true);
    }
}

// What OpenAssignment asks for, read from the request (domain types, not yet validated by the domain).
public sealed record OpeningRequest(
    string? MunicipalityCode,
    string? PersonalIdentityNumber,
    string? GivenName,
    string? FamilyName,
    string? Phone,
    bool ProtectedIdentity,
    DateTimeOffset? MandateGivenAt,
    MandateForm MandateForm,
    IReadOnlyList<Area> Areas,
    IReadOnlyList<string> Goals);
