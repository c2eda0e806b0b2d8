using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.SipPlans.Application.Auditing;

// The identity under which the service's own work (the discharge event consumer) is access-logged.
public static class SystemCallers
{
    public static CallerIdentity DischargeConsumer(string organisationCode, string unitId) => new(
        Subject: "system:sip-plans:discharge-events",
        Username: "discharge-events",
        ClientId: "sip-plans",
        IsServiceAccount: true,
        OrganisationAlias: "samverkan-platform",
        OrganisationCode: organisationCode,
        OrganisationKind: OrganisationKind.Region,
        UnitId: unitId,
        Roles: new HashSet<string>());
}
