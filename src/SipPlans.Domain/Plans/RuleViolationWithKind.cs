namespace Samverkan.SipPlans.Domain.Plans;

// RuleViolation's constructor is protected: this gives the domain the kinds without a factory
// (MissingConsent with the organisation and purpose as the precondition subject).
public sealed class RuleViolationWithKind(ViolationKind kind, string message, PreconditionSubject? precondition = null)
    : RuleViolation(kind, message, precondition: precondition);
