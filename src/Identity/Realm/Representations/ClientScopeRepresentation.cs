namespace Samverkan.Identity.Realm.Representations;

public sealed class ClientScopeRepresentation
{
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
    public List<ProtocolMapperRepresentation>? ProtocolMappers { get; set; }
}
