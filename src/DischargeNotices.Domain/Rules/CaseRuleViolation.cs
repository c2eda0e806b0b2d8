namespace Samverkan.DischargeNotices.Domain.Rules;

// A rule of the discharge process was broken. Thrown before anything is written, so a rejected
// request changes nothing. Messages are for integrators: they say what to do, and never contain
// personal data (no names, no personnummer, no free text from the request). ServiceCore maps it
// (as any RuleViolation) to a gRPC status.
public sealed class CaseRuleViolation : RuleViolation
{
    private CaseRuleViolation(ViolationKind kind, string message, string? field = null, ConsentScope? missingConsent = null)
        : base(kind, message, field, Subject(kind, missingConsent))
    {
        MissingConsent = missingConsent;
    }

    public ConsentScope? MissingConsent { get; }

    // The PreconditionFailure subject the status carries: the missing consent, or the case's state.
    private static PreconditionSubject? Subject(ViolationKind kind, ConsentScope? missingConsent) => (kind, missingConsent) switch
    {
        (_, { } scope) => new PreconditionSubject("CONSENT", ConsentNames.ContractName(scope)),
        (ViolationKind.FailedPrecondition, null) => new PreconditionSubject("CASE_STATE", "case"),
        _ => null,
    };

    public static new CaseRuleViolation Invalid(string field, string message) => new(ViolationKind.InvalidArgument, message, field);

    public static CaseRuleViolation State(string message) => new(ViolationKind.FailedPrecondition, message);

    public static CaseRuleViolation ConsentMissing(ConsentScope scope) => new(
        ViolationKind.MissingConsent,
        $"The patient's consent to {ConsentNames.Describe(scope)} is not recorded or no longer in force; record it with RecordConsent first.",
        missingConsent: scope);

    public static new CaseRuleViolation Duplicate(string message) => new(ViolationKind.AlreadyExists, message);

    public static new CaseRuleViolation NotFound(string message) => new(ViolationKind.NotFound, message);

    public static new CaseRuleViolation Denied(string message) => new(ViolationKind.PermissionDenied, message);
}
