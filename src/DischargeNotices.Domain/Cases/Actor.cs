namespace Samverkan.DischargeNotices.Domain.Cases;

// Who recorded an event: the organisation and unit (the person or system is in the access log).
// System = recorded by the service itself (deadline breaches).
public sealed record Actor(string OrganisationCode, string? UnitId, bool System = false)
{
    public static Actor Service(string organisationCode) => new(organisationCode, null, System: true);
}
