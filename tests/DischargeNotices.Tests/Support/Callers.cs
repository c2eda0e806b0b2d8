using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.DischargeNotices.Tests.Support;

// Callers as the service sees them after token validation (CallerIdentity), for application-level
// tests. The gRPC tests get the same identities from real tokens of the identity server.
public static class Callers
{
    public static readonly CallerIdentity InpatientNurse = Staff("u-slv-falun-med", "20", OrganisationKind.Region, "20-slv-falun-med", PlatformRoles.DischargeSender);
    public static readonly CallerIdentity OtherWardNurse = Staff("u-slv-mora", "20", OrganisationKind.Region, "20-slv-mora-med", PlatformRoles.DischargeSender);
    public static readonly CallerIdentity HealthCentreNurse = Staff("u-vc-falun", "20", OrganisationKind.Region, "20-vc-2080", PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity FalunSocialWorker = Staff("u-soc-falun", "2080", OrganisationKind.Municipality, "2080-soc", PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity FalunNurse = Staff("u-hsl-falun", "2080", OrganisationKind.Municipality, "2080-hsl", PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity BorlangeSocialWorker = Staff("u-soc-borlange", "2081", OrganisationKind.Municipality, "2081-soc", PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity FalunSystem = System("falun-system", "2080", OrganisationKind.Municipality, PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity BorlangeSystem = System("borlange-system", "2081", OrganisationKind.Municipality, PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity RegionSystem = System("region-system", "20", OrganisationKind.Region, PlatformRoles.DischargeSender, PlatformRoles.DischargeReceiver);
    public static readonly CallerIdentity FalunAnalyst = Staff("u-analyst", "2080", OrganisationKind.Municipality, "2080-soc", PlatformRoles.Analyst);

    public static CallerIdentity Staff(string subject, string organisation, OrganisationKind kind, string unit, params string[] roles) =>
        new(subject, subject, "portal", false, organisation, organisation, kind, unit, roles.ToHashSet());

    public static CallerIdentity System(string client, string organisation, OrganisationKind kind, params string[] roles) =>
        new("sa-" + client, "service-account-" + client, client, true, organisation, organisation, kind, null, roles.ToHashSet());
}
