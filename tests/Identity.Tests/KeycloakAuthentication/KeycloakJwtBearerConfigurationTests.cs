using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
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
            ["Keycloak:ssl-required"] = "none",
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
        Assert.False(options.RequireHttpsMetadata); // "none": plain HTTP allowed (Development only)
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
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        var configuration = Configuration(new()
        {
            ["Keycloak:realm"] = "samverkan", ["Keycloak:auth-server-url"] = "http://localhost:8080/", ["Keycloak:resource"] = "sip-plans",
            ["Keycloak:ssl-required"] = "none",
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
            ["Keycloak:ssl-required"] = "none",
        };
        Assert.IsType<CachingTokenHandler>(Assert.Single(JwtBearer(keycloak).TokenHandlers));

        keycloak["Keycloak:TokenValidationCacheSize"] = "0";
        Assert.DoesNotContain(JwtBearer(keycloak).TokenHandlers, h => h is CachingTokenHandler);
    }

    // Issue #15, item 7: exactly Keycloak.AuthServices' rule (RequireHttpsMetadata = ssl-required
    // empty or "external"), quirk for "all" included, so the real library changes nothing.
    [Theory]
    [InlineData("none", false)]
    [InlineData("all", false)]
    [InlineData("external", true)]
    [InlineData("EXTERNAL", true)]
    [InlineData(null, true)]
    [InlineData("", true)]
    public void Https_metadata_is_required_as_Keycloak_AuthServices_decides(string? sslRequired, bool expected)
    {
        Assert.Equal(expected, KeycloakSslPolicy.RequiresHttps(sslRequired));
        var keycloak = new Dictionary<string, string?>
        {
            ["Keycloak:realm"] = "samverkan", ["Keycloak:auth-server-url"] = "https://sso.example/", ["Keycloak:resource"] = "sip-plans",
            ["Keycloak:ssl-required"] = sslRequired,
        };
        Assert.Equal(expected, JwtBearer(keycloak).RequireHttpsMetadata);
        // And JwtBearer itself then refuses a plain-HTTP identity server, as with the real library.
        keycloak["Keycloak:auth-server-url"] = "http://localhost:8080/";
        if (expected) Assert.Throws<InvalidOperationException>(() => JwtBearer(keycloak));
    }

    // Whatever ssl-required says, a production host never fetches signing keys over plain HTTP.
    [Theory]
    [InlineData("none")]
    [InlineData("all")]
    [InlineData("external")]
    public void Outside_Development_a_plain_HTTP_identity_server_is_refused(string sslRequired)
    {
        var keycloak = new Dictionary<string, string?>
        {
            ["Keycloak:realm"] = "samverkan", ["Keycloak:auth-server-url"] = "http://sso.regiondalarna.example/", ["Keycloak:resource"] = "sip-plans",
            ["Keycloak:ssl-required"] = sslRequired,
        };
        var error = Assert.Throws<KeycloakException>(() => JwtBearer(keycloak, Environments.Production));
        Assert.Contains("https", error.Message);

        keycloak["Keycloak:auth-server-url"] = "https://sso.regiondalarna.example/";
        Assert.Equal("https://sso.regiondalarna.example/realms/samverkan/", JwtBearer(keycloak, Environments.Production).Authority);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("http://localhost:8080/", false)] // a name is resolved, and resolution can be redirected
    [InlineData("http://10.0.0.5:8080/", false)]
    public void Outside_Development_plain_HTTP_is_allowed_only_to_a_loopback_address(string authServerUrl, bool allowed)
    {
        var keycloak = new Dictionary<string, string?>
        {
            ["Keycloak:realm"] = "samverkan", ["Keycloak:auth-server-url"] = authServerUrl, ["Keycloak:resource"] = "sip-plans",
            ["Keycloak:ssl-required"] = "none",
        };
        if (allowed) Assert.StartsWith(authServerUrl, JwtBearer(keycloak, Environments.Production).Authority);
        else Assert.Throws<KeycloakException>(() => JwtBearer(keycloak, Environments.Production));
    }

    private static JwtBearerOptions JwtBearer(Dictionary<string, string?> values, string environment = "Development")
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddKeycloakWebApiAuthentication(Configuration(values));
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
