using Samverkan.Identity.Realm;
using Samverkan.Identity.Realm.Representations;
using Samverkan.Identity.Tokens;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests.Realm;

// The mappers of the realm file decide the claims: change the file, change the token.
public sealed class ProtocolMapperEvaluatorTests
{
    private static readonly RealmModel DevRealm = RealmLoader.LoadFile(TestSupport.Identity.DevRealm.DefaultFile);

    [Fact]
    public void The_dev_realms_mappers_produce_the_platform_claims()
    {
        var content = Evaluate(DevRealm, "staff-portal", "eva.strom", "openid");

        Assert.Equal("2080-soc", (string?)content.AccessToken["unit"]);
        Assert.Equal("auditor", content.AccessToken["realm_access"]!["roles"]!.AsArray().Select(r => (string)r!).Last());
        Assert.NotNull(content.AccessToken["organization"]!["falun"]);
        Assert.Null(content.IdToken["realm_access"]);
        Assert.Equal(6, content.Audiences.Count);
    }

    [Fact]
    public void Without_attributes_the_organization_claim_is_a_list_of_aliases()
    {
        var realm = MiniRealm(new Dictionary<string, string> { ["claim.name"] = "organization", ["access.token.claim"] = "true" });
        var content = Evaluate(realm, "app", "alice", null);
        Assert.Equal(["acme"], content.AccessToken["organization"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public void Client_roles_become_resource_access_and_an_audience()
    {
        var realm = MiniRealm(new Dictionary<string, string> { ["claim.name"] = "organization", ["access.token.claim"] = "true" });
        var content = Evaluate(realm, "app", "alice", null);
        Assert.Equal("plans.write", (string?)content.AccessToken["resource_access"]!["api"]!["roles"]![0]);
        Assert.Contains("api", content.Audiences);
    }

    private static TokenContent Evaluate(RealmModel realm, string clientId, string username, string? scope)
    {
        var client = realm.FindClient(clientId)!;
        var user = realm.FindUserByUsername(username)!;
        var grant = ScopeResolver.Resolve(client, scope, user, out _)!;
        return ProtocolMapperEvaluator.Evaluate(realm, user, client, grant, LoginSession.New(DateTimeOffset.UtcNow));
    }

    private static RealmModel MiniRealm(Dictionary<string, string> organizationMapper) => RealmLoader.Load(new RealmRepresentation
    {
        Realm = "mini",
        Roles = new RolesRepresentation { Realm = [new RoleRepresentation { Name = "user" }] },
        ClientScopes =
        [
            new ClientScopeRepresentation
            {
                Name = "all",
                ProtocolMappers =
                [
                    new ProtocolMapperRepresentation { Name = "org", ProtocolMapper = "oidc-organization-membership-mapper", Config = organizationMapper },
                    new ProtocolMapperRepresentation
                    {
                        Name = "client roles", ProtocolMapper = "oidc-usermodel-client-role-mapper",
                        Config = new() { ["claim.name"] = "resource_access.${client_id}.roles", ["multivalued"] = "true", ["access.token.claim"] = "true" },
                    },
                    new ProtocolMapperRepresentation { Name = "aud", ProtocolMapper = "oidc-audience-resolve-mapper", Config = new() { ["access.token.claim"] = "true" } },
                ],
            },
        ],
        Clients =
        [
            new ClientRepresentation { ClientId = "app", PublicClient = true, DefaultClientScopes = ["all"] },
            new ClientRepresentation { ClientId = "api", BearerOnly = true, DefaultClientScopes = [] },
        ],
        Users = [new UserRepresentation { Username = "alice", RealmRoles = ["user"], ClientRoles = new() { ["api"] = ["plans.write"] } }],
        Organizations = [new OrganizationRepresentation { Alias = "acme", Members = [new MemberRepresentation { Username = "alice" }] }],
    });
}
