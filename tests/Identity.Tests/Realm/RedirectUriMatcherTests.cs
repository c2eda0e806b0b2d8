using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Tests.Realm;

public sealed class RedirectUriMatcherTests
{
    [Theory]
    [InlineData("https://portal.example/signin-oidc", "https://portal.example/signin-oidc", true)]
    [InlineData("https://portal.example/signin-oidc", "https://portal.example/signin-oidc?x=1", true)]
    [InlineData("https://portal.example/signin-oidc", "https://portal.example/signin-oidc/more", false)]
    [InlineData("https://portal.example/*", "https://portal.example/any/path", true)]
    [InlineData("https://portal.example/*", "https://portal.example", true)]
    [InlineData("https://portal.example/*", "https://portal.example.attacker.test/", false)]
    [InlineData("http://localhost*", "http://localhost:5173/signin-oidc", true)]
    [InlineData("http://localhost*", "https://localhost:5173/signin-oidc", false)]
    [InlineData("https://portal.example/*", "https://portal.example/cb#fragment", false)]
    [InlineData("https://portal.example/*", "not a uri", false)]
    public void Matches_like_Keycloak(string registered, string candidate, bool expected) =>
        Assert.Equal(expected, RedirectUriMatcher.Matches([registered], candidate));
}
