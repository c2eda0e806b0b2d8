using Samverkan.SharedKernel.Rules;

namespace Samverkan.PersonalOmbudsmen.Domain.Rules;

// A rule of the personal ombudsman work was broken. Thrown before anything changes, so a rejected
// request changes nothing; ServiceCore turns it into the gRPC status of its kind. Messages are for
// integrators and never contain personal data (no names, no personnummer, no caller-supplied text
// beyond a bounded echo of an identifier).
public sealed class OmbudRuleViolation : RuleViolation
{
    // FailedPrecondition types (google.rpc.PreconditionFailure.Violation.type).
    public const string AssignmentClosed = "ASSIGNMENT_CLOSED";
    public const string EntryWithdrawn = "ENTRY_WITHDRAWN";
    public const string Version = "VERSION";
    public const string DeficiencyState = "DEFICIENCY_STATE";

    private OmbudRuleViolation(ViolationKind kind, string message, string? field = null, PreconditionSubject? precondition = null)
        : base(kind, message, field, precondition)
    {
    }

    public static new OmbudRuleViolation Invalid(string field, string message) => new(ViolationKind.InvalidArgument, message, field);

    public static OmbudRuleViolation State(string type, string message) =>
        new(ViolationKind.FailedPrecondition, message, precondition: new PreconditionSubject(type, Subject(type)));

    // expected_version is not the current version: re-read and retry.
    public static OmbudRuleViolation Stale(string message) => State(Version, message);

    public static OmbudRuleViolation Full(string message) => new(ViolationKind.ResourceExhausted, message);

    public static new OmbudRuleViolation NotFound(string message) => new(ViolationKind.NotFound, message);

    public static new OmbudRuleViolation Denied(string message) => new(ViolationKind.PermissionDenied, message);

    private static string Subject(string type) => type switch
    {
        DeficiencyState => "deficiency",
        EntryWithdrawn => "entry",
        _ => "assignment",
    };
}
