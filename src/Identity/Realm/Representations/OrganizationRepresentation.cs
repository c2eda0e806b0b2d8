namespace Samverkan.Identity.Realm.Representations;

public sealed class OrganizationRepresentation
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Alias { get; set; }
    public bool? Enabled { get; set; }
    public Dictionary<string, List<string>>? Attributes { get; set; }
    public List<OrganizationDomainRepresentation>? Domains { get; set; }
    public List<MemberRepresentation>? Members { get; set; }
}
