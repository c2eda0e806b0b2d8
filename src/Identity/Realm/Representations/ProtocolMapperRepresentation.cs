namespace Samverkan.Identity.Realm.Representations;

public sealed class ProtocolMapperRepresentation
{
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public string? ProtocolMapper { get; set; }
    public Dictionary<string, string>? Config { get; set; }
}
