using Samverkan.PersonalOmbudsmen.Domain.Rules;

namespace Samverkan.PersonalOmbudsmen.Application.Access;

// Assignment and deficiency ids carry the municipality: "{SCB code}-{32 hex}" (e.g. "2080-3f2a…").
// Authorization can then refuse a caller of another municipality before the store is read, so the
// answer is the same whether or not the thing exists (no oracle for other municipalities' data).
public static class MunicipalIds
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
            throw OmbudRuleViolation.Invalid(field, $"{field} {SharedKernel.Text.EchoedInput.Quote(assignmentId)} is not an id of this service (\"{{municipality code}}-{{32 hex digits}}\", as it was returned when created).");
        }
        return id[..4];
    }
}
