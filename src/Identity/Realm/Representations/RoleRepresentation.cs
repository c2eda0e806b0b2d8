namespace Samverkan.Identity.Realm.Representations;

public sealed class RoleRepresentation
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool? Composite { get; set; }
    public RoleCompositesRepresentation? Composites { get; set; }
}
