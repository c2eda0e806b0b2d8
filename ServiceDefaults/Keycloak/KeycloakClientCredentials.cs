namespace Samverkan.ServiceDefaults.Keycloak;

public sealed class KeycloakClientCredentials
{
    public string? Secret { get; set; }
}
