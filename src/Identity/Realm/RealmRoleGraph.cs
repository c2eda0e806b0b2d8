using Samverkan.Identity.Realm.Representations;

namespace Samverkan.Identity.Realm;

// Realm roles with their composites, to compute a user's effective roles the way Keycloak
// lists them in realm_access.roles (directly granted roles plus everything they contain).
internal sealed class RealmRoleGraph
{
    private readonly Dictionary<string, List<string>> _composites;

    private RealmRoleGraph(Dictionary<string, List<string>> composites) => _composites = composites;

    public IReadOnlyList<string> Names => [.. _composites.Keys];

    public static RealmRoleGraph From(RolesRepresentation? roles)
    {
        var composites = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var role in roles?.Realm ?? [])
        {
            var name = role.Name ?? throw new RealmFileException("A realm role has no 'name'.");
            composites[name] = role.Composites?.Realm ?? [];
        }
        return new RealmRoleGraph(composites);
    }

    public IReadOnlyList<string> Expand(IEnumerable<string> granted, string username)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(granted.Reverse());
        while (pending.TryPop(out var role))
        {
            if (!_composites.TryGetValue(role, out var contained))
            {
                throw new RealmFileException($"User '{username}' has realm role '{role}', which the realm does not define.");
            }
            if (!seen.Add(role)) continue;
            result.Add(role);
            foreach (var inner in Enumerable.Reverse(contained)) pending.Push(inner);
        }
        return result;
    }
}
