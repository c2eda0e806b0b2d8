using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class KeycloakHostingExtensions
{
    // The one line a platform service needs: Keycloak bearer-token authentication from the
    // "Keycloak" section (Keycloak__AuthServerUrl and Keycloak__Realm from the AppHost), role
    // mapping and policy helpers, and a fallback policy requiring an authenticated caller.
    public static TBuilder AddKeycloakWebApiAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var keycloak = builder.Services.AddKeycloakWebApiAuthentication(builder.Configuration);
        builder.Services.AddKeycloakAuthorization(builder.Configuration);
        builder.Services.RequireAuthenticatedCallersByDefault(keycloak.JwtBearerScheme);
        return builder;
    }
}
