namespace Samverkan.SipPlans.Domain.Plans;

// Who recorded a step: the organisation (huvudman) and unit. The person or system behind it is in
// the access log. System = recorded by the service itself (from a discharge integration event).
public sealed record Actor(string OrganisationCode, string? UnitId, bool System = false);
