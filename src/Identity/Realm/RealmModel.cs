namespace Samverkan.Identity.Realm;

// The realm as this server serves it: resolved, validated and indexed once at start.
public sealed class RealmModel
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public required string Environment { get; init; }
    public required TimeSpan AccessTokenLifespan { get; init; }
    public required TimeSpan AccessCodeLifespan { get; init; }
    public required TimeSpan LoginLifespan { get; init; }
    public required TimeSpan SessionIdleTimeout { get; init; }
    public required TimeSpan SessionMaxLifespan { get; init; }
    public required BruteForcePolicy BruteForce { get; init; }
    public required IReadOnlyDictionary<string, RealmClient> Clients { get; init; }
    public required IReadOnlyDictionary<string, RealmClientScope> ClientScopes { get; init; }
    public required IReadOnlyDictionary<string, RealmOrganization> Organizations { get; init; }
    public required IReadOnlyList<string> RealmRoles { get; init; }
    public required IReadOnlyList<RealmUser> Users { get; init; }

    private Dictionary<string, RealmUser>? _byUsername;
    private Dictionary<string, RealmUser>? _byId;
    private Dictionary<string, RealmUser>? _byServiceAccountClient;

    // Keycloak usernames are case-insensitive (stored lower-case).
    public RealmUser? FindUserByUsername(string? username) =>
        username is not null && (_byUsername ??= Users.ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase))
            .TryGetValue(username.Trim(), out var user) ? user : null;

    public RealmUser? FindUserById(string? id) =>
        id is not null && (_byId ??= Users.ToDictionary(u => u.Id, StringComparer.Ordinal)).TryGetValue(id, out var user) ? user : null;

    public RealmUser? FindServiceAccount(string clientId) =>
        (_byServiceAccountClient ??= Users.Where(u => u.IsServiceAccount).ToDictionary(u => u.ServiceAccountClientId!, StringComparer.Ordinal))
            .TryGetValue(clientId, out var user) ? user : null;

    public RealmClient? FindClient(string? clientId) =>
        clientId is not null && Clients.TryGetValue(clientId, out var client) ? client : null;
}
