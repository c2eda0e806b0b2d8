using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.PersonalOmbudsmen.Tests.Support;

// Callers as the service sees them after token validation (unit tests; the gRPC tests use real tokens).
public static class Callers
{
    public static CallerIdentity Staff(string organisation, string? unit, params string[] roles) => new(
        Guid.NewGuid().ToString(), "user", "samverkan-tests", false, "alias", organisation,
        organisation == "20" ? OrganisationKind.Region : OrganisationKind.Municipality, unit, roles.ToHashSet());

    public static CallerIdentity System(string organisation, params string[] roles) => new(
        Guid.NewGuid().ToString(), "service-account-system", "system", true, "alias", organisation,
        organisation == "20" ? OrganisationKind.Region : OrganisationKind.Municipality, null, roles.ToHashSet());

    public static CallerIdentity Ombudsman(string municipality = "2080") => Staff(municipality, municipality + "-po", PlatformRoles.PersonalOmbudsman);

    public static CallerIdentity SteeringGroup(string municipality = "2080") => Staff(municipality, municipality + "-soc", PlatformRoles.PoSteeringGroup);
}
