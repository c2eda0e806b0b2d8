using System.Text.Json.Nodes;
using Samverkan.Identity.Realm;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Identity.Tests.Realm;

// The realm files are Keycloak exports the platform depends on: every organisation of the unit
// directory, every platform role and client, consistent users, and a production file without
// people or secrets.
public sealed class RealmFileTests
{
    private static readonly string ProductionFile = RepositoryPaths.Combine("deploy/keycloak/samverkan-realm.json");
    private static readonly string DevelopmentFile = RepositoryPaths.Combine("deploy/keycloak/samverkan-realm.dev.json");

    private static readonly string[] PlatformClients =
    [
        "staff-portal", "samverkan-gateway", "sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "access-log",
    ];

    public static TheoryData<string> Files => new() { ProductionFile, DevelopmentFile };

    [Theory, MemberData(nameof(Files))]
    public void Every_organisation_of_the_unit_directory_is_a_Keycloak_organisation_with_code_kind_and_domain(string file)
    {
        var realm = Load(file);
        Assert.True((bool?)realm["organizationsEnabled"]);
        var organizations = Array(realm, "organizations").ToDictionary(o => (string)o["alias"]!);

        foreach (var unitOrg in Directory())
        {
            var alias = (string)unitOrg["alias"]!;
            Assert.True(organizations.TryGetValue(alias, out var org), $"organisation {alias} missing from {file}");
            Assert.Equal((string)unitOrg["code"]!, (string?)org!["attributes"]!["code"]![0]);
            Assert.Equal((string)unitOrg["kind"]!, (string?)org["attributes"]!["kind"]![0]);
            Assert.NotEmpty(org["domains"]!.AsArray());
            Assert.False(string.IsNullOrEmpty((string?)org["id"]));
        }
        Assert.Equal(Directory().Count, organizations.Count);
    }

    [Theory, MemberData(nameof(Files))]
    public void Every_platform_role_and_the_default_role_exist(string file)
    {
        var roles = Array(Load(file)["roles"]!.AsObject(), "realm").Select(r => (string)r["name"]!).ToHashSet();
        Assert.Superset(PlatformRoles.All.ToHashSet(), roles);
        Assert.Contains("default-roles-samverkan", roles);
    }

    [Theory, MemberData(nameof(Files))]
    public void Every_platform_client_and_one_system_client_per_organisation_exist(string file)
    {
        var clients = Array(Load(file), "clients").ToDictionary(c => (string)c["clientId"]!);
        foreach (var clientId in PlatformClients) Assert.True(clients.ContainsKey(clientId), $"client {clientId} missing");

        Assert.True((bool?)clients["staff-portal"]["standardFlowEnabled"]);
        Assert.Equal("S256", (string?)clients["staff-portal"]["attributes"]!["pkce.code.challenge.method"]);

        foreach (var org in Directory())
        {
            var system = clients["system-" + (string)org["alias"]!];
            Assert.True((bool?)system["serviceAccountsEnabled"]);
            Assert.False((bool?)system["publicClient"]);
            Assert.False((bool?)system["directAccessGrantsEnabled"]);
        }

        foreach (var audience in PlatformClients.Skip(1)) Assert.True((bool?)clients[audience]["bearerOnly"]);
    }

    // Issue #15, item 5: each client's tokens name only the services it may call.
    [Theory, MemberData(nameof(Files))]
    public void Each_client_gets_exactly_the_audiences_of_the_services_it_may_call(string file)
    {
        var realm = Load(file);
        string[] staff = ["access-log", "discharge-notices", "personal-ombudsmen", "relative-support", "samverkan-gateway", "sip-plans"];
        string[] system = ["discharge-notices", "relative-support", "samverkan-gateway", "sip-plans"];
        foreach (var client in Array(realm, "clients").Where(c => (bool?)c["bearerOnly"] != true))
        {
            var clientId = (string)client["clientId"]!;
            var audiences = (client["protocolMappers"]?.AsArray() ?? [])
                .Where(m => (string?)m!["protocolMapper"] == "oidc-audience-mapper")
                .Select(m => (string)m!["config"]!["included.client.audience"]!).Order().ToArray();
            Assert.Equal(clientId.StartsWith("system-", StringComparison.Ordinal) ? system : staff, audiences);
        }
        // No client scope adds audiences: a scope would give them to every client that has it.
        Assert.DoesNotContain(Array(realm, "clientScopes").SelectMany(s => s["protocolMappers"]?.AsArray() ?? []),
            m => (string?)m!["protocolMapper"] == "oidc-audience-mapper");
        // Mapper ids are unique in a Keycloak realm.
        var ids = Array(realm, "clients").SelectMany(c => c["protocolMappers"]?.AsArray() ?? [])
            .Concat(Array(realm, "clientScopes").SelectMany(s => s["protocolMappers"]?.AsArray() ?? []))
            .Select(m => (string)m!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory, MemberData(nameof(Files))]
    public void Every_token_issuing_client_gets_sub_organisation_and_unit(string file)
    {
        var realm = Load(file);
        var scopes = Array(realm, "clientScopes").ToDictionary(s => (string)s["name"]!);
        Assert.Contains(scopes["samverkan"]["protocolMappers"]!.AsArray(),
            m => (string?)m!["protocolMapper"] == "oidc-usermodel-attribute-mapper" && (string?)m["config"]!["claim.name"] == "unit");
        var organizationMapper = scopes["organization"]["protocolMappers"]!.AsArray().Single()!;
        Assert.Equal("true", (string?)organizationMapper["config"]!["addOrganizationId"]);
        Assert.Equal("true", (string?)organizationMapper["config"]!["addOrganizationAttributes"]);

        foreach (var client in Array(realm, "clients").Where(c => (bool?)c["bearerOnly"] != true))
        {
            var defaults = client["defaultClientScopes"]!.AsArray().Select(s => (string)s!).ToList();
            Assert.Contains("basic", defaults);
            Assert.Contains("organization", defaults);
            Assert.Contains("samverkan", defaults);
            Assert.Contains("roles", defaults);
        }
    }

    [Theory, MemberData(nameof(Files))]
    public void The_user_profile_declares_the_unit_attribute_with_the_directorys_units(string file)
    {
        var component = Load(file)["components"]!["org.keycloak.userprofile.UserProfileProvider"]![0]!;
        var profile = JsonNode.Parse((string)component["config"]!["kc.user.profile.config"]![0]!)!;
        var unit = profile["attributes"]!.AsArray().Single(a => (string?)a!["name"] == "unit")!;
        var options = unit["validations"]!["options"]!["options"]!.AsArray().Select(o => (string)o!).ToHashSet();
        Assert.Equal(Directory().SelectMany(o => o["units"]!.AsArray()).Select(u => (string)u!["id"]!).ToHashSet(), options);
    }

    [Theory, MemberData(nameof(Files))]
    public void Users_reference_existing_roles_units_and_exactly_one_organisation_of_their_unit(string file)
    {
        var realm = Load(file);
        var roles = Array(realm["roles"]!.AsObject(), "realm").Select(r => (string)r["name"]!).ToHashSet();
        var unitOwner = Directory().SelectMany(o => o["units"]!.AsArray().Select(u => ((string)u!["id"]!, (string)o["alias"]!)))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var memberships = Array(realm, "organizations")
            .SelectMany(o => o["members"]!.AsArray().Select(m => ((string)m!["username"]!, (string)o["alias"]!)))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToList());
        var clients = Array(realm, "clients").Select(c => (string)c["clientId"]!).ToHashSet();

        foreach (var user in Array(realm, "users"))
        {
            var username = (string)user["username"]!;
            Assert.All(user["realmRoles"]!.AsArray(), r => Assert.Contains((string)r!, roles));
            Assert.True(memberships.TryGetValue(username, out var orgs), $"{username} belongs to no organisation");
            Assert.Single(orgs!);

            if (user["serviceAccountClientId"] is { } owner)
            {
                Assert.Contains((string)owner!, clients);
                Assert.Equal("service-account-" + (string)owner!, username);
                Assert.Equal("system-" + orgs![0], (string)owner!);
            }
            else
            {
                var unit = (string?)user["attributes"]?["unit"]?[0];
                Assert.True(unit is not null && unitOwner.ContainsKey(unit), $"{username} has no unit of the directory");
                Assert.Equal(unitOwner[unit!], orgs![0]);
            }
        }
    }

    [Fact]
    public void The_production_file_has_no_people_and_no_secrets()
    {
        var text = File.ReadAllText(ProductionFile);
        var realm = Load(ProductionFile);

        Assert.Equal("production", (string?)realm["attributes"]!["samverkan.environment"]);
        // Its only users are the service accounts of the system clients: configuration, not people.
        Assert.All(Array(realm, "users"), user =>
        {
            Assert.NotNull(user["serviceAccountClientId"]);
            Assert.Null(user["credentials"]);
        });
        Assert.All(Array(realm, "clients"), client => Assert.Null(client["secret"]));
        Assert.DoesNotContain("\"credentials\"", text);
        Assert.DoesNotContain("samverkan-tests", text);
        Assert.DoesNotContain("dev-secret", text);
        Assert.DoesNotContain(Array(realm, "clients"), c => (bool?)c["directAccessGrantsEnabled"] == true);
    }

    [Fact]
    public void The_development_file_is_the_production_file_plus_the_overlay()
    {
        var production = Load(ProductionFile);
        var development = Load(DevelopmentFile);

        Assert.Equal("development", (string?)development["attributes"]!["samverkan.environment"]);
        foreach (var key in new[] { "roles", "clientScopes", "components", "defaultDefaultClientScopes" })
        {
            Assert.True(JsonNode.DeepEquals(production[key], development[key]), $"'{key}' differs: re-run deploy/keycloak/build-realms.cs");
        }
        var devClients = Array(development, "clients").Select(c => (string)c["clientId"]!).ToList();
        Assert.Equal(Array(production, "clients").Select(c => (string)c["clientId"]!).Append("samverkan-tests"), devClients);
    }

    [Theory, MemberData(nameof(Files))]
    public void The_identity_server_loads_the_file(string file)
    {
        var realm = RealmLoader.LoadFile(file);
        Assert.Equal("samverkan", realm.Name);
        Assert.Equal(16, realm.Organizations.Count);
        Assert.All(realm.Users.Where(u => u.IsServiceAccount), u => Assert.Single(u.Organizations));
    }

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();

    private static List<JsonObject> Array(JsonObject parent, string name) => parent[name]!.AsArray().Select(n => n!.AsObject()).ToList();

    private static List<JsonObject> Directory() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("deploy/directory/units.json")))!["organisations"]!.AsArray()
            .Select(o => o!.AsObject()).ToList();
}
