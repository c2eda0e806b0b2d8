namespace Samverkan.DischargeNotices.Domain.Rules;

// How a broken rule is answered; the gRPC layer maps each to a status code.
public enum ViolationKind
{
    InvalidArgument,    // the request itself is wrong
    FailedPrecondition, // the case is not in a state that allows the step
    MissingConsent,     // FailedPrecondition, naming the consent scope
    AlreadyExists,      // a duplicate notice
    NotFound,           // no such case (or not visible to the caller)
    PermissionDenied,   // the caller's role or unit does not allow the step
}
