namespace Samverkan.Identity.Realm.Representations;

public sealed class MemberRepresentation
{
    public string? Username { get; set; }
    public string? MembershipType { get; set; }
}
