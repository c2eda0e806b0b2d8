namespace Samverkan.DischargeNotices.Domain.Rules;

// A rule of the discharge process was broken. Thrown before anything is written, so a rejected
// request changes nothing. Messages are for integrators: they say what to do, and never contain
// personal data (no names, no personnummer, no free text from the request).
public sealed class CaseRuleViolation : Exception
{
    private CaseRuleViolation(ViolationKind kind, string message, string? field = null, ConsentScope? missingConsent = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
        MissingConsent = missingConsent;
    }

    public ViolationKind Kind { get; }

    // The request field at fault, in the contract's spelling (e.g. "judged_ready_at").
    public string? Field { get; }

    public ConsentScope? MissingConsent { get; }

    public static CaseRuleViolation Invalid(string field, string message) => new(ViolationKind.InvalidArgument, message, field);

    public static CaseRuleViolation State(string message) => new(ViolationKind.FailedPrecondition, message);

    public static CaseRuleViolation ConsentMissing(ConsentScope scope) => new(
        ViolationKind.MissingConsent,
        $"The patient's consent to {ConsentNames.Describe(scope)} is not recorded or no longer in force; record it with RecordConsent first.",
        missingConsent: scope);

    public static CaseRuleViolation Duplicate(string message) => new(ViolationKind.AlreadyExists, message);

    public static CaseRuleViolation NotFound(string message) => new(ViolationKind.NotFound, message);

    public static CaseRuleViolation Denied(string message) => new(ViolationKind.PermissionDenied, message);
}
