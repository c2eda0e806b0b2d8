namespace Samverkan.Identity.Realm.Representations;

public sealed class UserRepresentation
{
    public string? Id { get; set; }
    public string? Username { get; set; }
    public bool? Enabled { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public bool? EmailVerified { get; set; }
    public string? ServiceAccountClientId { get; set; }
    public Dictionary<string, List<string>>? Attributes { get; set; }
    public List<CredentialRepresentation>? Credentials { get; set; }
    public List<string>? RealmRoles { get; set; }
    public Dictionary<string, List<string>>? ClientRoles { get; set; }
}
