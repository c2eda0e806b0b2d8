using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Keycloak;

namespace Samverkan.Identity.Tests.KeycloakAuthentication;

public sealed class KeycloakJwtBearerConfigurationTests
{
    [Fact]
    public void The_Keycloak_section_configures_JwtBearer_like_Keycloak_AuthServices()
    {
        var options = JwtBearer(new()
        {
            ["Keycloak:realm"] = "samverkan",
            ["Keycloak:auth-server-url"] = "http://localhost:8080",
            ["Keycloak:resource"] = "sip-plans",
        });

        Assert.Equal("http://localhost:8080/realms/samverkan/", options.Authority);
        Assert.Equal("sip-plans", options.Audience);
        Assert.Equal("sip-plans", options.TokenValidationParameters.ValidAudience);
        Assert.True(options.TokenValidationParameters.ValidateAudience);
        Assert.True(options.TokenValidationParameters.ValidateIssuer);
        Assert.Equal(TimeSpan.Zero, options.TokenValidationParameters.ClockSkew);
        Assert.Equal("preferred_username", options.TokenValidationParameters.NameClaimType);
        Assert.Equal("role", options.TokenValidationParameters.RoleClaimType);
        Assert.False(options.MapInboundClaims);
        Assert.True(options.SaveToken);
        Assert.False(options.RequireHttpsMetadata); // "external" (the default) allows localhost
    }

    [Fact]
    public void Environment_style_keys_override_appsettings()
    {
        var options = JwtBearer(new()
        {
            ["Keycloak:realm"] = "samverkan",
            ["Keycloak:auth-server-url"] = "http://localhost:8080/",
            ["Keycloak:resource"] = "discharge-notices",
            ["Keycloak:AuthServerUrl"] = "https://sso.regiondalarna.example/",
            ["Keycloak:token-clock-skew"] = "00:00:10",
        });

        Assert.Equal("https://sso.regiondalarna.example/realms/samverkan/", options.Authority);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TokenValidationParameters.ClockSkew);
        Assert.True(options.RequireHttpsMetadata);
    }

    [Fact]
    public void A_missing_resource_with_audience_validation_on_is_a_clear_error()
    {
        var error = Assert.Throws<KeycloakException>(() => JwtBearer(new()
        {
            ["Keycloak:realm"] = "samverkan",
            ["Keycloak:auth-server-url"] = "http://localhost:8080/",
        }));
        Assert.Contains("resource", error.Message);
    }

    [Fact]
    public void Inline_overrides_run_last()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(new()
        {
            ["Keycloak:realm"] = "samverkan", ["Keycloak:auth-server-url"] = "http://localhost:8080/", ["Keycloak:resource"] = "sip-plans",
        });
        services.AddKeycloakWebApiAuthentication(configuration, o => o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(3));
        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.Equal(TimeSpan.FromSeconds(3), options.TokenValidationParameters.ClockSkew);
    }

    [Fact]
    public void Validated_tokens_are_cached_unless_the_cache_is_turned_off()
    {
        var keycloak = new Dictionary<string, string?>
        {
            ["Keycloak:realm"] = "samverkan", ["Keycloak:auth-server-url"] = "http://localhost:8080/", ["Keycloak:resource"] = "sip-plans",
        };
        Assert.IsType<CachingTokenHandler>(Assert.Single(JwtBearer(keycloak).TokenHandlers));

        keycloak["Keycloak:TokenValidationCacheSize"] = "0";
        Assert.DoesNotContain(JwtBearer(keycloak).TokenHandlers, h => h is CachingTokenHandler);
    }

    [Theory]
    [InlineData("none", "https://sso.example/", false)]
    [InlineData("all", "http://localhost:8080/", true)]
    [InlineData("external", "http://localhost:8080/", false)]
    [InlineData("external", "http://10.1.2.3:8080/", false)]
    [InlineData("external", "http://192.168.1.9/", false)]
    [InlineData("external", "http://sso.example/", true)]
    [InlineData(null, "http://127.0.0.1:8080/", false)]
    [InlineData(null, "http://keycloak:8080/", true)]
    public void Https_is_required_as_Keycloaks_ssl_required_says(string? sslRequired, string authority, bool expected) =>
        Assert.Equal(expected, KeycloakSslPolicy.RequiresHttps(sslRequired, authority));

    private static JwtBearerOptions JwtBearer(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddKeycloakWebApiAuthentication(Configuration(values));
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
