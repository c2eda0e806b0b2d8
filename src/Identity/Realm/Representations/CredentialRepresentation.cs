namespace Samverkan.Identity.Realm.Representations;

// Only plain-text password credentials ("value") are supported; hashed exports from a real
// Keycloak (argon2 by default since Keycloak 24) cannot be verified here.
public sealed class CredentialRepresentation
{
    public string? Type { get; set; }
    public string? Value { get; set; }
    public bool? Temporary { get; set; }
}
