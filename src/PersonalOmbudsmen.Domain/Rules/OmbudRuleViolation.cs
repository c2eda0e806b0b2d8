namespace Samverkan.PersonalOmbudsmen.Domain.Rules;

// What kind of rule was broken; the gRPC layer maps each kind to one status code.
public enum ViolationKind
{
    InvalidArgument,
    FailedPrecondition,
    ResourceExhausted,
    NotFound,
    PermissionDenied,
    AlreadyExists,
}

// A rule of the personal ombudsman work was broken. Thrown before anything changes, so a rejected
// request changes nothing. Messages are for integrators and never contain personal data (no names,
// no personnummer, no caller-supplied free text beyond a bounded echo of an identifier).
public sealed class OmbudRuleViolation : Exception
{
    private OmbudRuleViolation(ViolationKind kind, string message, string? field = null, string? precondition = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
        Precondition = precondition;
    }

    public ViolationKind Kind { get; }

    // The request field at fault, in the contract's spelling (e.g. "client.personal_identity_number").
    public string? Field { get; }

    // For FailedPrecondition: the precondition type ("ASSIGNMENT_CLOSED", "VERSION", "DEFICIENCY_STATE").
    public string? Precondition { get; }

    public static OmbudRuleViolation Invalid(string field, string message) => new(ViolationKind.InvalidArgument, message, field);

    public static OmbudRuleViolation State(string precondition, string message) => new(ViolationKind.FailedPrecondition, message, precondition: precondition);

    public static OmbudRuleViolation Full(string message) => new(ViolationKind.ResourceExhausted, message);

    public static OmbudRuleViolation NotFound(string message) => new(ViolationKind.NotFound, message);

    public static OmbudRuleViolation Denied(string message) => new(ViolationKind.PermissionDenied, message);

    public static OmbudRuleViolation Duplicate(string message) => new(ViolationKind.AlreadyExists, message);

    public const string AssignmentClosed = "ASSIGNMENT_CLOSED";
    public const string EntryWithdrawn = "ENTRY_WITHDRAWN";
    public const string Version = "VERSION";
    public const string DeficiencyState = "DEFICIENCY_STATE";
}
