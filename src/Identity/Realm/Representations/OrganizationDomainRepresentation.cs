namespace Samverkan.Identity.Realm.Representations;

public sealed class OrganizationDomainRepresentation
{
    public string? Name { get; set; }
    public bool? Verified { get; set; }
}
