using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests.Realm;

public sealed class ScopeResolverTests
{
    private static readonly RealmModel Realm = RealmLoader.LoadFile(DevRealm.DefaultFile);

    [Fact]
    public void Default_scopes_always_apply_and_openid_is_claimed_only_when_asked()
    {
        var grant = Resolve("staff-portal", null, "anna.lind", out var error)!;
        Assert.Null(error);
        Assert.False(grant.OpenId);
        Assert.Contains(grant.ClientScopes, s => s.Name == "samverkan");
        Assert.Equal(["profile", "email", "organization"], grant.ScopeClaim);
        Assert.Equal(OrganizationSelection.All, grant.Organizations);

        Assert.Equal("openid", Resolve("staff-portal", "openid", "anna.lind", out _)!.ScopeClaim[0]);
    }

    [Fact]
    public void Optional_scopes_apply_when_requested()
    {
        var grant = Resolve("staff-portal", "openid offline_access", "anna.lind", out _)!;
        Assert.Contains("offline_access", grant.ScopeClaim);
    }

    [Fact]
    public void Organization_alias_scope_narrows_to_a_membership()
    {
        var grant = Resolve("staff-portal", "organization:falun", "anna.lind", out _)!;
        Assert.Equal("falun", grant.Organizations!.Alias);
        Assert.Contains("organization:falun", grant.ScopeClaim);
        Assert.DoesNotContain("organization", grant.ScopeClaim);
    }

    [Theory]
    [InlineData("organization:mora")]
    [InlineData("everything")]
    [InlineData("openid roles-of-others")]
    public void Scopes_the_client_does_not_offer_or_the_user_cannot_have_are_invalid(string scope)
    {
        Assert.Null(Resolve("staff-portal", scope, "anna.lind", out var error));
        Assert.StartsWith("Invalid scopes:", error);
    }

    [Fact]
    public void A_system_client_has_the_service_account_scope()
    {
        var grant = Resolve("system-falun", null, "service-account-system-falun", out _)!;
        Assert.Contains(grant.ClientScopes, s => s.Name == "service_account");
    }

    private static GrantedScopes? Resolve(string clientId, string? scope, string username, out string? error) =>
        ScopeResolver.Resolve(Realm.FindClient(clientId)!, scope, Realm.FindUserByUsername(username)!, out error);
}
