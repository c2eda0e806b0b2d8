using Microsoft.AspNetCore.Authorization;
using Samverkan.Gateway.Security;

namespace Microsoft.Extensions.Hosting;

public static class GatewayAuthenticationExtensions
{
    // The edge checks bearer tokens exactly as the services do (Keycloak settings in "Keycloak"),
    // and gates each route with a policy from "Gateway:Authorization". Routes without a policy
    // require a valid token (fallback policy); anonymous routes say "Anonymous" explicitly.
    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        builder.AddKeycloakWebApiAuthentication();

        var options = builder.Configuration.GetSection(GatewayAuthorizationOptions.SectionName).Get<GatewayAuthorizationOptions>()
            ?? new GatewayAuthorizationOptions();

        builder.Services.AddAuthorization(authorization =>
        {
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var (name, policy) in options.Policies)
            {
                if (policy.AnyRealmRole.Count == 0)
                {
                    throw new InvalidOperationException($"Gateway authorization policy '{name}' lists no roles in AnyRealmRole.");
                }
                authorization.AddPolicy(name, p => p
                    .RequireAuthenticatedUser()
                    .AddRequirements(new AnyRealmRoleRequirement(policy.AnyRealmRole)));
            }
        });
        builder.Services.AddSingleton<IAuthorizationHandler, AnyRealmRoleHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return builder;
    }
}
