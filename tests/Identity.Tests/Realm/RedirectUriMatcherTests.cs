using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Tests.Realm;

public sealed class RedirectUriMatcherTests
{
    [Theory]
    [InlineData("https://portal.example/signin-oidc", "https://portal.example/signin-oidc", true)]
    [InlineData("https://portal.example/signin-oidc", "https://portal.example/signin-oidc?x=1", false)] // exact means exact (Keycloak)
    [InlineData("https://portal.example/signin-oidc", "https://portal.example/signin-oidc/more", false)]
    [InlineData("https://portal.example/*", "https://portal.example/any/path", true)]
    [InlineData("https://portal.example/*", "https://portal.example/any/path?x=1", true)]
    [InlineData("https://portal.example/*", "https://portal.example", true)]
    [InlineData("https://portal.example/*", "https://portal.example.attacker.test/", false)]
    [InlineData("https://portal.example/*", "https://portal.example/cb#fragment", false)]
    [InlineData("https://portal.example/*", "not a uri", false)]
    [InlineData("https://portal.example/*", "https://portal.example/a/../../elsewhere", false)]
    [InlineData("https://portal.example/*", "https://portal.example/a/%2e%2e/elsewhere", false)]
    [InlineData("https://portal.example/*", "HTTPS://portal.example/cb", false)]
    [InlineData("https://portal.example/signin-oidc", "https://PORTAL.example/signin-oidc", false)]
    public void Matches_like_Keycloak(string registered, string candidate, bool expected) =>
        Assert.Equal(expected, RedirectUriMatcher.Matches([registered], candidate));

    // The outside review's attacks on the old development realm (issue #15, item 1): a '*' in
    // the authority matched any host that starts the same, and user info hid the real host.
    [Theory]
    [InlineData("http://localhost*", "http://localhost@evil.example/")]
    [InlineData("https://localhost*", "https://localhost.attacker.example/steal")]
    [InlineData("http://127.0.0.1*", "http://127.0.0.1.nip.io/cb")]
    [InlineData("http://localhost:5100/*", "http://localhost:5100@evil.example/")]
    [InlineData("http://localhost:5100/signin-oidc", "http://localhost:5100@evil.example/signin-oidc")]
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1:4711@evil.example/signin-oidc")]
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1.nip.io:4711/signin-oidc")]
    [InlineData("http://localhost:5100/signin-oidc", "http://localhost:5100\\@evil.example/signin-oidc")]
    public void Authority_tricks_never_match(string registered, string candidate) =>
        Assert.False(RedirectUriMatcher.Matches([registered], candidate));

    // RFC 8252 §7.3 as Keycloak applies it: an http loopback URI registered without a port
    // admits any port; a registered port is exact; https and other hosts get no such allowance.
    [Theory]
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1:49152/signin-oidc", true)]
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1/signin-oidc", true)]
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1:49152/signin-oidc/other", false)]
    [InlineData("http://[::1]/signin-oidc", "http://[::1]:49152/signin-oidc", true)]
    [InlineData("http://localhost/signin-oidc", "http://localhost:49152/signin-oidc", true)]
    [InlineData("http://localhost:5100/signin-oidc", "http://localhost:5101/signin-oidc", false)]
    [InlineData("https://127.0.0.1/signin-oidc", "https://127.0.0.1:49152/signin-oidc", false)]
    [InlineData("http://portal.example/signin-oidc", "http://portal.example:8080/signin-oidc", false)]
    public void Loopback_ports(string registered, string candidate, bool expected) =>
        Assert.Equal(expected, RedirectUriMatcher.Matches([registered], candidate));

    [Theory]
    [InlineData("http://localhost*")]
    [InlineData("https://*.example/cb")]
    [InlineData("*")]
    [InlineData("http://user@portal.example/cb")]
    [InlineData("/relative/*")]
    public void Patterns_that_could_admit_another_host_are_refused(string pattern) =>
        Assert.False(RedirectUriMatcher.IsValidPattern(pattern, out _));
}
