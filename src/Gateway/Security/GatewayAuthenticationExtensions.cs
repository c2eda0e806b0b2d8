using Microsoft.AspNetCore.Authorization;
using Samverkan.Gateway.Security;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.ServiceDefaults.Keycloak;

namespace Microsoft.Extensions.Hosting;

public static class GatewayAuthenticationExtensions
{
    public const string AccessLogCallerPolicy = "access-log-caller";

    // The edge checks bearer tokens exactly as the services do (Keycloak settings in "Keycloak";
    // routes without a policy require a valid token, the Keycloak fallback policy), and gates each
    // route with a role policy from "Gateway:Authorization". Anonymous routes say "Anonymous".
    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        builder.AddKeycloakWebApiAuthentication();

        var options = builder.Configuration.GetSection(GatewayAuthorizationOptions.SectionName).Get<GatewayAuthorizationOptions>()
            ?? new GatewayAuthorizationOptions();

        if (options.Policies.ContainsKey(AccessLogCallerPolicy))
        {
            throw new InvalidOperationException(
                $"Gateway authorization policy '{AccessLogCallerPolicy}' is not configurable: it is PlatformRoles.AccessLogCallers, the rule the access log itself applies.");
        }

        builder.Services.AddAuthorization(authorization =>
        {
            // One rule for who may call the access log: the service checks the same list.
            authorization.AddPolicy(AccessLogCallerPolicy, p => p
                .RequireAuthenticatedUser()
                .RequireRealmRoles([.. PlatformRoles.AccessLogCallers]));

            foreach (var (name, policy) in options.Policies)
            {
                if (policy.AnyRealmRole.Count == 0)
                {
                    throw new InvalidOperationException($"Gateway authorization policy '{name}' lists no roles in AnyRealmRole.");
                }
                // Any one of the roles, read from realm_access (a coarse gate: see docs/gateway.md).
                authorization.AddPolicy(name, p => p
                    .RequireAuthenticatedUser()
                    .RequireRealmRoles([.. policy.AnyRealmRole]));
            }
        });
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return builder;
    }
}
