using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Keycloak;

// Applies the Keycloak section to the JwtBearer scheme the way Keycloak.AuthServices does
// (platform.md §3.3/§3.6), with the platform's choices: audience validation on, zero clock skew,
// 'sub' kept as 'sub' (MapInboundClaims = false), and gRPC-shaped 401/403 answers.
internal sealed class ConfigureKeycloakJwtBearerOptions(
    string scheme, IOptionsMonitor<KeycloakAuthenticationOptions> keycloakOptions, TimeProvider time, bool isDevelopment)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != scheme) return;
        var keycloak = keycloakOptions.Get(scheme);

        if (string.IsNullOrEmpty(keycloak.AuthServerUrl) || string.IsNullOrEmpty(keycloak.Realm))
        {
            throw new KeycloakException("Configuration missing value for: Keycloak:auth-server-url and Keycloak:realm (env Keycloak__AuthServerUrl, Keycloak__Realm).");
        }

        var verifyAudience = keycloak.VerifyTokenAudience ?? true;
        var audience = keycloak.Audience ?? keycloak.Resource;
        if (verifyAudience && string.IsNullOrEmpty(audience))
        {
            throw new KeycloakException("Configuration missing value for: Keycloak:resource (the service's client id, its token audience).");
        }

        options.Authority = keycloak.KeycloakUrlRealm;
        if (!string.IsNullOrEmpty(keycloak.MetadataAddress)) options.MetadataAddress = keycloak.KeycloakUrlRealm + keycloak.MetadataAddress;
        options.RequireHttpsMetadata = KeycloakSslPolicy.RequiresHttps(keycloak.SslRequired);
        KeycloakSslPolicy.EnsureHttpsOutsideDevelopment(isDevelopment, options.Authority, options.MetadataAddress);
        options.Audience = audience;
        options.MapInboundClaims = false;
        options.SaveToken = true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = keycloak.ValidIssuers.Count > 0 ? [.. keycloak.ValidIssuers] : null,
            ValidateAudience = verifyAudience,
            ValidAudience = audience,
            ValidAudiences = keycloak.AdditionalAudiences.Count > 0 && audience is not null ? [audience, .. keycloak.AdditionalAudiences] : null,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = keycloak.TokenClockSkew ?? TimeSpan.Zero,
            NameClaimType = keycloak.NameClaimType,
            RoleClaimType = keycloak.RoleClaimType,
        };
        if (keycloak.TokenValidationCacheSize > 0)
        {
            var cache = new ValidatedTokenCache(keycloak.TokenValidationCacheSize, keycloak.TokenValidationCacheMaxAge, time);
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new CachingTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, cache));
        }
        options.Events ??= new JwtBearerEvents();
        KeycloakJwtBearerEvents.RequireAccessTokens(options.Events);
        KeycloakJwtBearerEvents.AnswerGrpcCallersInGrpc(options.Events, audience);
    }
}
