namespace Samverkan.SipPlans.Domain.Participants;

// Someone who takes part in the plan. Principals (huvudmän: the municipalities and the region) are
// summoned (kallade) and see the plan through the platform while consent covers their organisation;
// other actors and relatives are invited (inbjudna) and have no platform access. The person the plan
// belongs to always takes part and is not listed here.
public sealed record Participant(
    string Id,
    ParticipantRole Role,
    string? OrganisationCode,
    string? UnitId,
    OtherActorKind? OtherActor,
    string? Name)
{
    public bool IsPrincipal => Role == ParticipantRole.Principal;

    // Kallad (principal) or inbjuden (everyone else).
    public bool IsSummoned => IsPrincipal;

    public override string ToString() => $"Participant {Id} ({Role})";
}

public enum ParticipantRole
{
    Principal,      // a unit of a municipality or the region: kallad
    OtherActor,     // Försäkringskassan, school, god man, ...: inbjuden
    Relative,       // anhörig/närstående: inbjuden when suitable and the person does not object
}
