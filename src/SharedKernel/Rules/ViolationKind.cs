namespace Samverkan.SharedKernel.Rules;

// How a broken rule is answered; ServiceCore's error interceptor maps each to one gRPC status code.
// Exhaustive on purpose: a new kind must be given a status there (the mapping has no catch-all).
public enum ViolationKind
{
    InvalidArgument,    // INVALID_ARGUMENT (+ BadRequest naming the field): the request itself is wrong
    FailedPrecondition, // FAILED_PRECONDITION (+ PreconditionFailure): the state does not allow the step
    MissingConsent,     // FAILED_PRECONDITION (+ PreconditionFailure type CONSENT naming the scope)
    AlreadyExists,      // ALREADY_EXISTS: a duplicate, or a request_id reused for a different request
    NotFound,           // NOT_FOUND: no such thing (or not visible to the caller)
    PermissionDenied,   // PERMISSION_DENIED: the caller's role or unit does not allow the step
    Unavailable,        // UNAVAILABLE: a dependency (e.g. the access log) failed; nothing was done, retry later
    ResourceExhausted,  // RESOURCE_EXHAUSTED: a documented maximum is reached (e.g. notes per assignment)
}
