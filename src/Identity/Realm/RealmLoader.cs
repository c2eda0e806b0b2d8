using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Samverkan.Identity.Realm.Representations;

namespace Samverkan.Identity.Realm;

// Reads a Keycloak realm export (the same file a real Keycloak imports) and turns it into the
// model this server serves. Anything the server would have to guess about is an error at start.
public static class RealmLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static RealmModel LoadFile(string path)
    {
        if (!File.Exists(path)) throw new RealmFileException($"Realm file '{path}' does not exist.");
        using var stream = File.OpenRead(path);
        var representation = JsonSerializer.Deserialize<RealmRepresentation>(stream, JsonOptions)
            ?? throw new RealmFileException($"Realm file '{path}' is empty.");
        return Load(representation);
    }

    public static RealmModel Load(RealmRepresentation rep)
    {
        var name = rep.Realm ?? throw new RealmFileException("The realm file has no 'realm' name.");
        if (rep.Enabled == false) throw new RealmFileException($"Realm '{name}' is disabled.");

        var roles = RealmRoleGraph.From(rep.Roles);
        var scopes = (rep.ClientScopes ?? []).Where(s => s.Protocol is null or "openid-connect")
            .Select(ToScope).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var clients = (rep.Clients ?? []).Select(c => ToClient(c, scopes, rep)).ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        var organizations = (rep.Organizations ?? []).Select(ToOrganization).ToDictionary(o => o.Alias, StringComparer.Ordinal);
        var users = (rep.Users ?? []).Select(u => ToUser(u, roles, clients)).ToList();

        AssignMemberships(rep.Organizations ?? [], organizations, users);

        return new RealmModel
        {
            Name = name,
            DisplayName = rep.DisplayName ?? name,
            Environment = rep.Attributes?.GetValueOrDefault("samverkan.environment") ?? "unspecified",
            AccessTokenLifespan = Seconds(rep.AccessTokenLifespan, 300),
            AccessCodeLifespan = Seconds(rep.AccessCodeLifespan, 60),
            LoginLifespan = Seconds(rep.AccessCodeLifespanLogin, 1800),
            SessionIdleTimeout = Seconds(rep.SsoSessionIdleTimeout, 1800),
            SessionMaxLifespan = Seconds(rep.SsoSessionMaxLifespan, 36000),
            BruteForce = new BruteForcePolicy(
                rep.BruteForceProtected ?? false,
                Math.Max(1, rep.FailureFactor ?? 30),
                Seconds(rep.MaxDeltaTimeSeconds, 43200),
                Seconds(rep.WaitIncrementSeconds, 60),
                Seconds(rep.MaxFailureWaitSeconds, 900)),
            Clients = clients,
            ClientScopes = scopes,
            Organizations = organizations,
            RealmRoles = roles.Names,
            Users = users,
        };
    }

    private static RealmClientScope ToScope(ClientScopeRepresentation rep)
    {
        var name = rep.Name ?? throw new RealmFileException("A client scope has no 'name'.");
        var include = !string.Equals(rep.Attributes?.GetValueOrDefault("include.in.token.scope"), "false", StringComparison.OrdinalIgnoreCase);
        return new RealmClientScope(name, include, ToMappers(rep.ProtocolMappers));
    }

    private static List<ProtocolMapper> ToMappers(List<ProtocolMapperRepresentation>? mappers) =>
        (mappers ?? []).Where(m => m.Protocol is null or "openid-connect" && m.ProtocolMapper is not null)
            .Select(m => new ProtocolMapper(m.Name ?? m.ProtocolMapper!, m.ProtocolMapper!, m.Config ?? []))
            .ToList();

    private static RealmClient ToClient(ClientRepresentation rep, Dictionary<string, RealmClientScope> scopes, RealmRepresentation realm)
    {
        var clientId = rep.ClientId ?? throw new RealmFileException("A client has no 'clientId'.");
        if (rep.Protocol is not (null or "openid-connect"))
        {
            throw new RealmFileException($"Client '{clientId}' uses protocol '{rep.Protocol}'; only openid-connect is served.");
        }

        List<RealmClientScope> Resolve(IEnumerable<string>? names, string kind) => (names ?? []).Select(n =>
            scopes.TryGetValue(n, out var scope) ? scope
                : throw new RealmFileException($"Client '{clientId}' lists {kind} client scope '{n}', which the realm does not define.")).ToList();

        var attributes = rep.Attributes ?? [];
        var redirectUris = rep.RedirectUris ?? [];
        var postLogoutRedirectUris = (attributes.GetValueOrDefault("post.logout.redirect.uris") ?? "")
            .Split("##", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var uri in redirectUris.Concat(postLogoutRedirectUris.Where(u => u != "+")))
        {
            if (!RedirectUriMatcher.IsValidPattern(uri, out var problem))
            {
                throw new RealmFileException($"Client '{clientId}' registers redirect URI '{uri}': {problem}.");
            }
        }
        var isPublic = rep.PublicClient ?? false;
        var bearerOnly = rep.BearerOnly ?? false;
        var client = new RealmClient
        {
            ClientId = clientId,
            Enabled = rep.Enabled ?? true,
            IsPublic = isPublic,
            BearerOnly = bearerOnly,
            Secret = isPublic || bearerOnly ? null : rep.Secret,
            StandardFlowEnabled = !bearerOnly && (rep.StandardFlowEnabled ?? true),
            DirectAccessGrantsEnabled = !bearerOnly && (rep.DirectAccessGrantsEnabled ?? false),
            ServiceAccountsEnabled = !bearerOnly && !isPublic && (rep.ServiceAccountsEnabled ?? false),
            RedirectUris = redirectUris,
            PostLogoutRedirectUris = postLogoutRedirectUris,
            WebOrigins = rep.WebOrigins ?? [],
            PkceMethod = attributes.GetValueOrDefault("pkce.code.challenge.method") is { Length: > 0 } pkce ? pkce : null,
            ProtocolMappers = ToMappers(rep.ProtocolMappers),
            DefaultScopes = Resolve(rep.DefaultClientScopes ?? realm.DefaultDefaultClientScopes, "default"),
            OptionalScopes = Resolve(rep.OptionalClientScopes ?? realm.DefaultOptionalClientScopes, "optional"),
        };
        return client;
    }

    private static RealmOrganization ToOrganization(OrganizationRepresentation rep)
    {
        var alias = rep.Alias ?? throw new RealmFileException($"Organization '{rep.Name}' has no 'alias'.");
        return new RealmOrganization(
            rep.Id ?? StableId("organization", alias),
            alias,
            rep.Name ?? alias,
            rep.Enabled ?? true,
            (rep.Attributes ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value));
    }

    private static RealmUser ToUser(UserRepresentation rep, RealmRoleGraph roles, Dictionary<string, RealmClient> clients)
    {
        var username = rep.Username?.Trim().ToLowerInvariant() ?? throw new RealmFileException("A user has no 'username'.");
        if (rep.ServiceAccountClientId is { } owner && !clients.ContainsKey(owner))
        {
            throw new RealmFileException($"Service account '{username}' belongs to client '{owner}', which the realm does not define.");
        }

        var password = rep.Credentials?.FirstOrDefault(c => c.Type == "password");
        if (password is not null && password.Value is null)
        {
            throw new RealmFileException($"User '{username}' has a hashed password credential; only plain 'value' credentials can be served here.");
        }

        var clientRoles = (rep.ClientRoles ?? []).ToDictionary(
            c => c.Key, c => (IReadOnlyList<string>)c.Value.Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        return new RealmUser
        {
            Id = rep.Id ?? StableId("user", username),
            Username = username,
            Enabled = rep.Enabled ?? true,
            FirstName = rep.FirstName,
            LastName = rep.LastName,
            Email = rep.Email,
            EmailVerified = rep.EmailVerified ?? false,
            ServiceAccountClientId = rep.ServiceAccountClientId,
            Password = password?.Value is { } plain ? PasswordHash.Create(plain) : null,
            Attributes = (rep.Attributes ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal),
            RealmRoles = roles.Expand(rep.RealmRoles ?? [], username),
            ClientRoles = clientRoles,
        };
    }

    private static void AssignMemberships(
        List<OrganizationRepresentation> reps, Dictionary<string, RealmOrganization> organizations, List<RealmUser> users)
    {
        var byUsername = users.ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
        var memberships = new Dictionary<RealmUser, List<RealmOrganization>>();
        foreach (var rep in reps)
        {
            var organization = organizations[rep.Alias!];
            foreach (var member in rep.Members ?? [])
            {
                if (member.Username is null || !byUsername.TryGetValue(member.Username, out var user))
                {
                    // Keycloak resolves members by username from the same import.
                    throw new RealmFileException($"Organization '{organization.Alias}' lists member '{member.Username}', who is not a user of the realm.");
                }
                if (!memberships.TryGetValue(user, out var list)) memberships[user] = list = [];
                list.Add(organization);
            }
        }
        foreach (var (user, list) in memberships) user.Organizations = list;
    }

    private static TimeSpan Seconds(int? value, int fallback) => TimeSpan.FromSeconds(value is > 0 ? value.Value : fallback);

    // Name-based UUID so an entry without an id keeps the same 'sub' across restarts.
    internal static string StableId(string kind, string name)
    {
        var bytes = SHA1.HashData(Encoding.UTF8.GetBytes($"samverkan/{kind}/{name}"));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
