using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

// TEMPORARY: stands in for ServiceDefaults/Keycloak's AddKeycloakWebApiAuthentication until it
// lands on main; delete this file when merging it.
internal static class KeycloakAuthenticationStandIn
{
    public static IHostApplicationBuilder AddKeycloakWebApiAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Keycloak");
        var serverUrl = (section["AuthServerUrl"] ?? section["auth-server-url"] ?? "http://localhost:8080/").TrimEnd('/') + "/";
        var realm = section["Realm"] ?? section["realm"] ?? "samverkan";
        var audience = section["Audience"] ?? section["Resource"] ?? section["resource"];
        var sslRequired = section["SslRequired"] ?? section["ssl-required"];

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = $"{serverUrl}realms/{realm}/";
                o.RequireHttpsMetadata = !string.Equals(sslRequired, "none", StringComparison.OrdinalIgnoreCase);
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = audience is not null,
                    ValidAudience = audience,
                    ClockSkew = TimeSpan.Zero,
                    NameClaimType = "preferred_username",
                    RoleClaimType = "role",
                };
            });
        return builder;
    }
}
