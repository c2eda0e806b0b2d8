namespace Samverkan.Identity.Realm;

// A user of the realm: a person (with a password) or the service account of a client.
// Roles are effective roles (composites expanded), as Keycloak puts them in tokens.
public sealed class RealmUser
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required bool Enabled { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? ServiceAccountClientId { get; init; }
    public PasswordHash? Password { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; }
    public required IReadOnlyList<string> RealmRoles { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> ClientRoles { get; init; }
    public IReadOnlyList<RealmOrganization> Organizations { get; set; } = [];

    public bool IsServiceAccount => ServiceAccountClientId is not null;

    // The user model's built-in properties first, then custom attributes (Keycloak's lookup order).
    public IReadOnlyList<string> GetAttribute(string name)
    {
        string? property = name switch
        {
            "username" => Username,
            "email" => Email,
            "firstName" => FirstName,
            "lastName" => LastName,
            "id" => Id,
            "emailVerified" => EmailVerified ? "true" : "false",
            "enabled" => Enabled ? "true" : "false",
            _ => null,
        };
        if (property is not null) return [property];
        return Attributes.TryGetValue(name, out var values) ? values : [];
    }
}
