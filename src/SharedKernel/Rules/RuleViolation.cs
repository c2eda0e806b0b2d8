namespace Samverkan.SharedKernel.Rules;

// A request was refused. Thrown before anything is written, so a refused request changes nothing.
// Lives below every domain (no gRPC here): domains throw it (or a subclass such as the discharge
// domain's CaseRuleViolation), request readers throw it for malformed input, and ServiceCore's
// error interceptor turns it into a gRPC status with google.rpc details.
// Messages are for integrators: they say what to do and never contain personal data; quote caller
// input only through EchoedInput.Quote (bounded, printable).
public class RuleViolation : Exception
{
    protected RuleViolation(ViolationKind kind, string message, string? field = null, PreconditionSubject? precondition = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
        Precondition = precondition;
    }

    public ViolationKind Kind { get; }

    // The request field at fault, in the contract's spelling (e.g. "judged_ready_at", "page.page_token").
    public string? Field { get; }

    // For FailedPrecondition/MissingConsent: what is missing (google.rpc.PreconditionFailure.Violation).
    public PreconditionSubject? Precondition { get; }

    public static RuleViolation Invalid(string field, string message) => new(ViolationKind.InvalidArgument, message, field);

    public static RuleViolation State(string message, PreconditionSubject? precondition = null) =>
        new(ViolationKind.FailedPrecondition, message, precondition: precondition);

    public static RuleViolation Duplicate(string message) => new(ViolationKind.AlreadyExists, message);

    public static RuleViolation NotFound(string message) => new(ViolationKind.NotFound, message);

    public static RuleViolation Denied(string message) => new(ViolationKind.PermissionDenied, message);

    public static RuleViolation Unavailable(string message) => new(ViolationKind.Unavailable, message);

    public static RuleViolation Exhausted(string message) => new(ViolationKind.ResourceExhausted, message);
}

// google.rpc.PreconditionFailure.Violation without protobuf: Type (e.g. "CONSENT", "CONFIGURATION"),
// Subject (what, e.g. "CONSENT_SCOPE_SIP"), Description (null: the violation's message).
public sealed record PreconditionSubject(string Type, string Subject, string? Description = null);
