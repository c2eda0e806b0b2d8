using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Keycloak;

namespace Samverkan.Identity.Tests.KeycloakAuthentication;

public sealed class KeycloakAuthorizationTests
{
    private const string RealmAccess = """{"roles":["sip-participant","auditor"]}""";
    private const string ResourceAccess = """{"sip-plans":{"roles":["plans.read"]},"other":{"roles":["x"]}}""";
    private const string Organization = """{"falun":{"id":"org-1","code":["2080"],"kind":["municipality"]}}""";

    [Fact]
    public async Task Role_mapping_adds_realm_and_resource_roles_once()
    {
        var transformation = new KeycloakRolesClaimsTransformation(Options.Create(new KeycloakAuthorizationOptions { Resource = "sip-plans" }));
        var principal = Principal();

        await transformation.TransformAsync(principal);
        await transformation.TransformAsync(principal);

        Assert.True(principal.IsInRole("sip-participant"));
        Assert.True(principal.IsInRole("plans.read"));
        Assert.False(principal.IsInRole("x"));
        Assert.Single(principal.FindAll("role"), c => c.Value == "auditor");
    }

    [Fact]
    public async Task Role_mapping_can_be_switched_off()
    {
        var transformation = new KeycloakRolesClaimsTransformation(Options.Create(new KeycloakAuthorizationOptions
        {
            Resource = "sip-plans", EnableRolesMapping = RolesClaimTransformationSource.None,
        }));
        var principal = await transformation.TransformAsync(Principal());
        Assert.Empty(principal.FindAll("role"));
    }

    [Theory]
    [InlineData(new[] { "auditor" }, true)]
    [InlineData(new[] { "administrator", "sip-participant" }, true)]
    [InlineData(new[] { "administrator" }, false)]
    public async Task RequireRealmRoles_reads_realm_access_directly(string[] roles, bool allowed)
    {
        var policy = new AuthorizationPolicyBuilder().RequireRealmRoles(roles).Build();
        Assert.Equal(allowed, (await Authorization().AuthorizeAsync(Principal(), policy)).Succeeded);
    }

    [Fact]
    public async Task RequireResourceRoles_uses_the_configured_resource()
    {
        var service = Authorization();
        Assert.True((await service.AuthorizeAsync(Principal(), new AuthorizationPolicyBuilder().RequireResourceRoles("plans.read").Build())).Succeeded);
        Assert.False((await service.AuthorizeAsync(Principal(), new AuthorizationPolicyBuilder().RequireResourceRoles("x").Build())).Succeeded);
        Assert.True((await service.AuthorizeAsync(Principal(), new AuthorizationPolicyBuilder().RequireResourceRolesForClient("other", "x").Build())).Succeeded);
    }

    [Theory]
    [InlineData("falun", true)]
    [InlineData("org-1", true)]
    [InlineData("mora", false)]
    [InlineData(null, true)]
    public async Task RequireOrganizationMembership_accepts_alias_or_id(string? organization, bool allowed)
    {
        var policy = new AuthorizationPolicyBuilder().RequireOrganizationMembership(organization).Build();
        Assert.Equal(allowed, (await Authorization().AuthorizeAsync(Principal(), policy)).Succeeded);
    }

    [Fact]
    public void Organisation_helpers_read_the_object_form()
    {
        var principal = Principal();
        Assert.True(principal.IsMemberOf("falun"));
        Assert.True(principal.IsMemberOfById("org-1"));
        Assert.Equal("2080", principal.GetOrganizations().Single().Code);
        Assert.Equal("user-1", principal.GetUserId());
    }

    private static IAuthorizationService Authorization()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKeycloakAuthorization(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keycloak:resource"] = "sip-plans",
        }).Build());
        return services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }

    private static ClaimsPrincipal Principal() => new(new ClaimsIdentity(
    [
        new Claim("sub", "user-1"),
        new Claim("realm_access", RealmAccess, "JSON"),
        new Claim("resource_access", ResourceAccess, "JSON"),
        new Claim("organization", Organization, "JSON"),
    ], "Bearer", "preferred_username", "role"));
}
