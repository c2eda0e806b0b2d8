using Microsoft.Extensions.Configuration;

namespace Samverkan.ServiceDefaults.Keycloak;

// The Keycloak adapter configuration ("Download adapter config" JSON), as Keycloak.AuthServices
// binds it: kebab-case keys (auth-server-url) and PascalCase keys (AuthServerUrl) both work.
// Kebab keys bind to non-public properties, so bind with KeycloakConfiguration.Bind
// (BinderOptions.BindNonPublicProperties = true).
public class KeycloakInstallationOptions
{
    public string Realm { get; set; } = "";

    // Normalised to end with '/', like Keycloak.AuthServices.
    public string AuthServerUrl
    {
        get => Normalize(_authServerUrl ?? AuthServerUrlKebab);
        // The binder may write back the (empty) current value; empty never overrides the kebab key.
        set => _authServerUrl = string.IsNullOrEmpty(value) ? null : value;
    }
    private string? _authServerUrl;
    [ConfigurationKeyName("auth-server-url")] protected string? AuthServerUrlKebab { get; set; }

    // none | external | all (Keycloak's realm setting); see KeycloakSslPolicy.
    public string? SslRequired
    {
        get => _sslRequired ?? SslRequiredKebab;
        set => _sslRequired = value;
    }
    private string? _sslRequired;
    [ConfigurationKeyName("ssl-required")] protected string? SslRequiredKebab { get; set; }

    // The client id: the default audience and the default resource for client roles.
    public string? Resource { get; set; }

    public bool? VerifyTokenAudience
    {
        get => _verifyTokenAudience ?? VerifyTokenAudienceKebab;
        set => _verifyTokenAudience = value;
    }
    private bool? _verifyTokenAudience;
    [ConfigurationKeyName("verify-token-audience")] protected bool? VerifyTokenAudienceKebab { get; set; }

    // Default zero (Keycloak.AuthServices' default, not .NET's five minutes).
    public TimeSpan? TokenClockSkew
    {
        get => _tokenClockSkew ?? TokenClockSkewKebab;
        set => _tokenClockSkew = value;
    }
    private TimeSpan? _tokenClockSkew;
    [ConfigurationKeyName("token-clock-skew")] protected TimeSpan? TokenClockSkewKebab { get; set; }

    public KeycloakClientCredentials Credentials { get; set; } = new();

    [ConfigurationKeyName("confidential-port")] public int ConfidentialPort { get; set; }

    public string KeycloakUrlRealm => $"{AuthServerUrl}realms/{Realm}/";
    public string KeycloakTokenEndpoint => KeycloakUrlRealm + "protocol/openid-connect/token";
    public string OpenIdConnectUrl => KeycloakUrlRealm + ".well-known/openid-configuration";

    private static string Normalize(string? url) =>
        string.IsNullOrWhiteSpace(url) ? "" : url.EndsWith('/') ? url : url + "/";
}
