using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.ServiceDefaults.Keycloak;

// What AddKeycloakWebApiAuthentication returns (as in Keycloak.AuthServices).
public sealed class KeycloakWebApiAuthenticationBuilder(AuthenticationBuilder authenticationBuilder, string jwtBearerScheme)
{
    public AuthenticationBuilder AuthenticationBuilder { get; } = authenticationBuilder;
    public IServiceCollection Services => AuthenticationBuilder.Services;
    public string JwtBearerScheme { get; } = jwtBearerScheme;
}
