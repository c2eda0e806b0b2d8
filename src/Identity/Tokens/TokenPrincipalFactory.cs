using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Tokens;

// Turns mapper output into the principal OpenIddict signs in: each claim goes to the tokens its
// mapper names, plus the claims Keycloak adds itself (typ, azp, sid). Private claims without a
// destination travel only inside authorization codes and refresh tokens, so a refresh re-grants
// the same scopes for the same login session.
public static class TokenPrincipalFactory
{
    public const string RequestedScopeClaim = "samverkan_requested_scope";
    public const string AuthTimeClaim = "samverkan_auth_time";
    public const string CodeIdClaim = "samverkan_code_id";

    public static ClaimsPrincipal Create(RealmModel realm, RealmUser user, RealmClient client, GrantedScopes grant, LoginSession session, DateTimeOffset now)
    {
        var content = ProtocolMapperEvaluator.Evaluate(realm, user, client, grant, session);
        var identity = new ClaimsIdentity("samverkan", Claims.PreferredUsername, "role");

        identity.AddClaim(new Claim(Claims.Subject, user.Id).SetDestinations(Destinations.AccessToken, Destinations.IdentityToken));
        foreach (var name in content.AccessToken.Select(p => p.Key).Union(content.IdToken.Select(p => p.Key)).Where(n => n != Claims.Subject))
        {
            var inAccess = content.AccessToken.ContainsKey(name);
            var inId = content.IdToken.ContainsKey(name);
            var value = (inAccess ? content.AccessToken[name] : content.IdToken[name])!;
            string[] destinations = (inAccess, inId) switch
            {
                (true, true) => [Destinations.AccessToken, Destinations.IdentityToken],
                (true, false) => [Destinations.AccessToken],
                _ => [Destinations.IdentityToken],
            };
            AddClaims(identity, name, value, destinations);
        }

        // Claims Keycloak writes itself rather than through mappers. (Keycloak's ID tokens also say
        // typ "ID"; OpenIddict allows one destination set per claim type, so only access tokens do.)
        identity.AddClaim(new Claim("typ", "Bearer").SetDestinations(Destinations.AccessToken));
        identity.AddClaim(new Claim(Claims.AuthorizedParty, client.ClientId).SetDestinations(Destinations.AccessToken));
        identity.AddClaim(new Claim("sid", session.SessionId).SetDestinations(Destinations.AccessToken, Destinations.IdentityToken));

        identity.AddClaim(new Claim(RequestedScopeClaim, grant.RequestedScope));
        identity.AddClaim(new Claim(AuthTimeClaim, session.AuthTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(grant.ScopeClaim);
        principal.SetResources(content.Audiences.Distinct(StringComparer.Ordinal));
        principal.SetRefreshTokenLifetime(RefreshTokenLifetime(realm, session, now));
        return principal;
    }

    // Keycloak: a refresh token expires after ssoSessionIdleTimeout without use, and never after
    // the session's ssoSessionMaxLifespan (counted from the login).
    public static TimeSpan RefreshTokenLifetime(RealmModel realm, LoginSession session, DateTimeOffset now)
    {
        var remaining = session.AuthTime + realm.SessionMaxLifespan - now;
        if (remaining <= TimeSpan.Zero) return TimeSpan.FromSeconds(1);
        return remaining < realm.SessionIdleTimeout ? remaining : realm.SessionIdleTimeout;
    }

    // Whether the login session a code or refresh token belongs to may still be used.
    public static bool IsSessionActive(RealmModel realm, LoginSession session, EndedSessions ended, DateTimeOffset now) =>
        !ended.IsEnded(session.SessionId) && now - session.AuthTime < realm.SessionMaxLifespan;

    // What an authorization code carries: only who logged in, in which session, and what was
    // granted. The token endpoint rebuilds every claim from the realm, and the code (a URL
    // parameter) stays short.
    public static ClaimsPrincipal CreateForCode(RealmUser user, GrantedScopes grant, LoginSession session)
    {
        var identity = new ClaimsIdentity("samverkan", Claims.PreferredUsername, "role");
        identity.AddClaim(new Claim(Claims.Subject, user.Id));
        identity.AddClaim(new Claim("sid", session.SessionId));
        identity.AddClaim(new Claim(RequestedScopeClaim, grant.RequestedScope));
        identity.AddClaim(new Claim(AuthTimeClaim, session.AuthTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(CodeIdClaim, Guid.NewGuid().ToString()));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(grant.ScopeClaim);
        return principal;
    }

    // The session a code or refresh token was issued for.
    public static LoginSession SessionOf(ClaimsPrincipal principal)
    {
        var sid = principal.GetClaim("sid") ?? Guid.NewGuid().ToString();
        var authTime = long.TryParse(principal.GetClaim(AuthTimeClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue; // unknown login time: treated as a session past its maximum
        return new LoginSession(sid, authTime, ClientAddress: null);
    }

    private static void AddClaims(ClaimsIdentity identity, string name, JsonNode value, string[] destinations)
    {
        var before = identity.Claims.Count();
        switch (value)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null) identity.AddClaim(name, item);
                }
                break;
            default:
                identity.AddClaim(name, value);
                break;
        }
        foreach (var claim in identity.Claims.Skip(before)) claim.SetDestinations(destinations);
    }
}
