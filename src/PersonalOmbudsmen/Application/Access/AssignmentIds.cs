using Samverkan.PersonalOmbudsmen.Domain.Rules;

namespace Samverkan.PersonalOmbudsmen.Application.Access;

// Assignment ids carry the municipality: "{SCB code}-{32 hex}" (e.g. "2080-3f2a…"). Authorization
// can then refuse a PO of another municipality before the store is read, so the answer is the same
// whether or not the assignment exists (no oracle for other municipalities' assignments).
public static class AssignmentIds
{
    public static string New(string municipalityCode) => $"{municipalityCode}-{Guid.NewGuid():N}";

    // The municipality code of a well-formed id; InvalidArgument otherwise.
    public static string MunicipalityOf(string? assignmentId, string field = "assignment_id")
    {
        var id = assignmentId ?? "";
        var dash = id.IndexOf('-');
        if (id.Length > Bounds.AssignmentIdLength || dash != 4 || !id[..4].All(char.IsAsciiDigit)
            || id.Length != 4 + 1 + 32 || !id[5..].All(char.IsAsciiHexDigitLower))
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} {SharedKernel.Text.EchoedInput.Quote(assignmentId)} is not an assignment id (\"{{municipality code}}-{{32 hex digits}}\", as OpenAssignment returned it).");
        }
        return id[..4];
    }
}
