namespace Samverkan.Identity.Realm.Representations;

public sealed class RoleCompositesRepresentation
{
    public List<string>? Realm { get; set; }
    public Dictionary<string, List<string>>? Client { get; set; }
}
