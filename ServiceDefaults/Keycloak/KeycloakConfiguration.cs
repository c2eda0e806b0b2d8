using Microsoft.Extensions.Configuration;

namespace Samverkan.ServiceDefaults.Keycloak;

public static class KeycloakConfiguration
{
    // Binds both key styles; kebab-case keys live on private properties.
    public static void Bind(IConfiguration section, object options) =>
        section.Bind(options, binder => binder.BindNonPublicProperties = true);
}
