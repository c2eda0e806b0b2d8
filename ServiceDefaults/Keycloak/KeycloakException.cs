namespace Samverkan.ServiceDefaults.Keycloak;

// Misconfiguration found while applying the Keycloak section; the message names the key to set.
public sealed class KeycloakException(string message) : Exception(message);
