namespace Samverkan.Identity.Realm.Representations;

public sealed class RolesRepresentation
{
    public List<RoleRepresentation>? Realm { get; set; }
    public Dictionary<string, List<RoleRepresentation>>? Client { get; set; }
}
