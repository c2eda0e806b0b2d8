using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.DischargeNotices.Application.Auditing;

// The identity under which the service's own background work is access-logged.
public static class SystemCallers
{
    public static readonly CallerIdentity DeadlineMonitor = new(
        Subject: "system:discharge-notices:deadline-monitor",
        Username: "deadline-monitor",
        ClientId: "discharge-notices",
        IsServiceAccount: true,
        OrganisationAlias: "samverkan-platform",
        OrganisationCode: "",
        OrganisationKind: OrganisationKind.Region,
        UnitId: null,
        Roles: new HashSet<string>());
}
