using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Keycloak;

namespace Microsoft.Extensions.DependencyInjection;

// Keycloak.AuthServices.Authentication's web API registration on top of JwtBearer.
//   services.AddKeycloakWebApiAuthentication(configuration);                       // section "Keycloak"
//   services.AddKeycloakWebApiAuthentication(configuration, o => o.IncludeErrorDetails = true);
//   services.AddKeycloakWebApiAuthentication(o => { o.Realm = "samverkan"; ... });
public static class KeycloakWebApiAuthenticationExtensions
{
    public const string IdentityServerHealthCheckName = "identity-server";

    public static KeycloakWebApiAuthenticationBuilder AddKeycloakWebApiAuthentication(
        this IServiceCollection services, IConfiguration configuration,
        string configSectionName = KeycloakConstants.ConfigurationSection, string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme) =>
        services.AddAuthentication(jwtBearerScheme).AddKeycloakWebApi(configuration.GetSection(configSectionName), null, jwtBearerScheme);

    public static KeycloakWebApiAuthenticationBuilder AddKeycloakWebApiAuthentication(
        this IServiceCollection services, IConfiguration configuration, Action<JwtBearerOptions> configureJwtBearerOptions,
        string configSectionName = KeycloakConstants.ConfigurationSection, string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme) =>
        services.AddAuthentication(jwtBearerScheme).AddKeycloakWebApi(configuration.GetSection(configSectionName), configureJwtBearerOptions, jwtBearerScheme);

    public static KeycloakWebApiAuthenticationBuilder AddKeycloakWebApiAuthentication(
        this IServiceCollection services, IConfigurationSection configurationSection,
        string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme) =>
        services.AddAuthentication(jwtBearerScheme).AddKeycloakWebApi(configurationSection, null, jwtBearerScheme);

    public static KeycloakWebApiAuthenticationBuilder AddKeycloakWebApiAuthentication(
        this IServiceCollection services, Action<KeycloakAuthenticationOptions> configureKeycloakOptions,
        Action<JwtBearerOptions>? configureJwtBearerOptions = null, string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme) =>
        services.AddAuthentication(jwtBearerScheme).AddKeycloakWebApi(configureKeycloakOptions, configureJwtBearerOptions, jwtBearerScheme);

    public static KeycloakWebApiAuthenticationBuilder AddKeycloakWebApi(
        this AuthenticationBuilder builder, IConfigurationSection configurationSection,
        Action<JwtBearerOptions>? configureJwtBearerOptions = null, string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme) =>
        builder.AddKeycloakWebApi(options => KeycloakConfiguration.Bind(configurationSection, options), configureJwtBearerOptions, jwtBearerScheme);

    public static KeycloakWebApiAuthenticationBuilder AddKeycloakWebApi(
        this AuthenticationBuilder builder, Action<KeycloakAuthenticationOptions> configureKeycloakOptions,
        Action<JwtBearerOptions>? configureJwtBearerOptions = null, string jwtBearerScheme = JwtBearerDefaults.AuthenticationScheme)
    {
        builder.Services.Configure(jwtBearerScheme, configureKeycloakOptions);
        builder.AddJwtBearer(jwtBearerScheme);
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>>(provider =>
            new ConfigureKeycloakJwtBearerOptions(jwtBearerScheme, provider.GetRequiredService<IOptionsMonitor<KeycloakAuthenticationOptions>>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                (provider.GetService<IHostEnvironment>() is { } environment && environment.IsDevelopment())));
        // Readiness reports the identity server (Degraded when it does not answer; see the check).
        builder.Services.AddHealthChecks().AddTypeActivatedCheck<IdentityServerHealthCheck>(
            jwtBearerScheme == JwtBearerDefaults.AuthenticationScheme ? IdentityServerHealthCheckName : $"{IdentityServerHealthCheckName}-{jwtBearerScheme}",
            HealthStatus.Degraded, ["ready"], jwtBearerScheme);
        // The caller's overrides run last and win.
        if (configureJwtBearerOptions is not null) builder.Services.Configure(jwtBearerScheme, configureJwtBearerOptions);
        return new KeycloakWebApiAuthenticationBuilder(builder, jwtBearerScheme);
    }
}
