using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults.Keycloak;

namespace Microsoft.Extensions.DependencyInjection;

public static class KeycloakAuthorizationExtensions
{
    // Keycloak.AuthServices.Authorization: role mapping (a claims transformation) and the handlers
    // behind RequireRealmRoles / RequireResourceRoles / RequireOrganizationMembership.
    public static IServiceCollection AddKeycloakAuthorization(
        this IServiceCollection services, IConfiguration configuration, string configSectionName = KeycloakConstants.ConfigurationSection) =>
        services.AddKeycloakAuthorization(options => KeycloakConfiguration.Bind(configuration.GetSection(configSectionName), options));

    public static IServiceCollection AddKeycloakAuthorization(this IServiceCollection services, Action<KeycloakAuthorizationOptions> configure)
    {
        services.Configure(configure);
        services.AddHttpContextAccessor();
        services.AddTransient<IClaimsTransformation, KeycloakRolesClaimsTransformation>();
        services.AddSingleton<IAuthorizationHandler, RealmAccessRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, ResourceAccessRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, OrganizationRequirementHandler>();
        services.AddAuthorization();
        return services;
    }

    // Every endpoint requires an authenticated caller unless it is marked AllowAnonymous (health,
    // metrics, gRPC health and reflection are, in ServiceDefaults): a forgotten [Authorize] fails closed.
    public static AuthorizationBuilder RequireAuthenticatedCallersByDefault(
        this IServiceCollection services, string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme)
    {
        var authenticated = new AuthorizationPolicyBuilder(jwtBearerScheme).RequireAuthenticatedUser().Build();
        return services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticated)
            .SetFallbackPolicy(authenticated);
    }
}
