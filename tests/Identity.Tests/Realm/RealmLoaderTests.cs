using Samverkan.Identity.Realm;
using Samverkan.Identity.Realm.Representations;

namespace Samverkan.Identity.Tests.Realm;

// A realm the server would have to guess about is refused at start with the entry to fix.
public sealed class RealmLoaderTests
{
    [Fact]
    public void A_member_who_is_not_a_user_is_refused()
    {
        var error = Assert.Throws<RealmFileException>(() => RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Organizations = [new OrganizationRepresentation { Alias = "falun", Members = [new MemberRepresentation { Username = "ghost" }] }],
        }));
        Assert.Contains("ghost", error.Message);
    }

    [Fact]
    public void An_undefined_role_is_refused()
    {
        var error = Assert.Throws<RealmFileException>(() => RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Users = [new UserRepresentation { Username = "anna", RealmRoles = ["superuser"] }],
        }));
        Assert.Contains("superuser", error.Message);
    }

    [Fact]
    public void An_undefined_client_scope_is_refused()
    {
        var error = Assert.Throws<RealmFileException>(() => RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Clients = [new ClientRepresentation { ClientId = "app", DefaultClientScopes = ["profile"] }],
        }));
        Assert.Contains("profile", error.Message);
    }

    [Fact]
    public void Passwords_are_kept_only_as_hashes()
    {
        var realm = RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Users = [new UserRepresentation { Username = "Anna", Credentials = [new CredentialRepresentation { Type = "password", Value = "hemligt" }] }],
        });
        var user = realm.FindUserByUsername("ANNA")!;
        Assert.True(user.Password!.Verify("hemligt"));
        Assert.False(user.Password.Verify("Hemligt"));
        Assert.Equal(realm.FindUserByUsername("anna")!.Id, user.Id); // ids are stable without an explicit id
    }

    [Theory]
    [InlineData("http://localhost*")]
    [InlineData("https://*.portal.example/signin-oidc")]
    public void A_redirect_uri_with_a_wildcard_in_the_authority_is_refused(string pattern)
    {
        var error = Assert.Throws<RealmFileException>(() => RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Clients = [new ClientRepresentation { ClientId = "portal", RedirectUris = [pattern], DefaultClientScopes = [] }],
        }));
        Assert.Contains(pattern, error.Message);
    }
}
