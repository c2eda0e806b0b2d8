using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults.Keycloak;

namespace Samverkan.Identity.Tests.KeycloakAuthentication;

public sealed class KeycloakOptionsBindingTests
{
    [Fact]
    public void Kebab_case_adapter_keys_bind()
    {
        var options = Bind(new()
        {
            ["Keycloak:realm"] = "samverkan",
            ["Keycloak:auth-server-url"] = "http://localhost:8080",
            ["Keycloak:ssl-required"] = "none",
            ["Keycloak:resource"] = "sip-plans",
            ["Keycloak:verify-token-audience"] = "false",
            ["Keycloak:token-clock-skew"] = "00:00:05",
            ["Keycloak:credentials:secret"] = "s3cret",
        });

        Assert.Equal("samverkan", options.Realm);
        Assert.Equal("http://localhost:8080/", options.AuthServerUrl);
        Assert.Equal("none", options.SslRequired);
        Assert.Equal("sip-plans", options.Resource);
        Assert.False(options.VerifyTokenAudience);
        Assert.Equal(TimeSpan.FromSeconds(5), options.TokenClockSkew);
        Assert.Equal("s3cret", options.Credentials.Secret);
        Assert.Equal("http://localhost:8080/realms/samverkan/", options.KeycloakUrlRealm);
        Assert.Equal("http://localhost:8080/realms/samverkan/protocol/openid-connect/token", options.KeycloakTokenEndpoint);
    }

    [Fact]
    public void Pascal_case_keys_bind_and_win_over_kebab_keys()
    {
        var options = Bind(new()
        {
            ["Keycloak:Realm"] = "samverkan",
            ["Keycloak:AuthServerUrl"] = "https://sso.example/",
            ["Keycloak:auth-server-url"] = "http://ignored:8080/",
            ["Keycloak:SslRequired"] = "all",
            ["Keycloak:VerifyTokenAudience"] = "true",
            ["Keycloak:Audience"] = "gateway",
            ["Keycloak:AdditionalAudiences:0"] = "other",
        });

        Assert.Equal("https://sso.example/", options.AuthServerUrl);
        Assert.Equal("all", options.SslRequired);
        Assert.True(options.VerifyTokenAudience);
        Assert.Equal("gateway", options.Audience);
        Assert.Equal(["other"], options.AdditionalAudiences);
    }

    [Fact]
    public void Absent_settings_leave_platform_defaults()
    {
        var options = Bind(new() { ["Keycloak:realm"] = "samverkan" });

        Assert.Null(options.VerifyTokenAudience);
        Assert.Null(options.TokenClockSkew);
        Assert.Equal("role", options.RoleClaimType);
        Assert.Equal("preferred_username", options.NameClaimType);
    }

    private static KeycloakAuthenticationOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new KeycloakAuthenticationOptions();
        KeycloakConfiguration.Bind(configuration.GetSection("Keycloak"), options);
        return options;
    }
}
