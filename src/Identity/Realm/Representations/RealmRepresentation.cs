namespace Samverkan.Identity.Realm.Representations;

// The subset of Keycloak's RealmRepresentation (a realm export) this server understands.
// Unknown fields are ignored, so a full export from a real Keycloak 26 loads unchanged.
public sealed class RealmRepresentation
{
    public string? Realm { get; set; }
    public string? DisplayName { get; set; }
    public bool? Enabled { get; set; }
    public string? SslRequired { get; set; }
    public bool? OrganizationsEnabled { get; set; }
    public int? AccessTokenLifespan { get; set; }
    public int? AccessCodeLifespan { get; set; }
    public int? AccessCodeLifespanLogin { get; set; }
    public int? SsoSessionIdleTimeout { get; set; }
    public int? SsoSessionMaxLifespan { get; set; }
    public bool? BruteForceProtected { get; set; }
    public bool? PermanentLockout { get; set; }
    public int? FailureFactor { get; set; }
    public int? WaitIncrementSeconds { get; set; }
    public int? MaxFailureWaitSeconds { get; set; }
    public int? MaxDeltaTimeSeconds { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
    public RolesRepresentation? Roles { get; set; }
    public List<ClientScopeRepresentation>? ClientScopes { get; set; }
    public List<string>? DefaultDefaultClientScopes { get; set; }
    public List<string>? DefaultOptionalClientScopes { get; set; }
    public List<ClientRepresentation>? Clients { get; set; }
    public List<UserRepresentation>? Users { get; set; }
    public List<OrganizationRepresentation>? Organizations { get; set; }
}
