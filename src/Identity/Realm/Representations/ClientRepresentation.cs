namespace Samverkan.Identity.Realm.Representations;

public sealed class ClientRepresentation
{
    public string? ClientId { get; set; }
    public string? Name { get; set; }
    public bool? Enabled { get; set; }
    public string? Protocol { get; set; }
    public bool? PublicClient { get; set; }
    public bool? BearerOnly { get; set; }
    public string? Secret { get; set; }
    public bool? StandardFlowEnabled { get; set; }
    public bool? DirectAccessGrantsEnabled { get; set; }
    public bool? ServiceAccountsEnabled { get; set; }
    public string? RootUrl { get; set; }
    public List<string>? RedirectUris { get; set; }
    public List<string>? WebOrigins { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
    public List<ProtocolMapperRepresentation>? ProtocolMappers { get; set; }
    public List<string>? DefaultClientScopes { get; set; }
    public List<string>? OptionalClientScopes { get; set; }
}
