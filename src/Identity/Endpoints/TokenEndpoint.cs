using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Endpoints;

// POST /realms/{realm}/protocol/openid-connect/token. OpenIddict has authenticated the client,
// checked its grant type and validated any code (PKCE, redirect_uri, expiry) or refresh token.
// Claims are always rebuilt from the realm, so a disabled user or a changed role takes effect on
// the next refresh.
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, RealmModel realm, UserAuthenticator authenticator, AuthorizationCodeRegistry codes, EndedSessions endedSessions,
        TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var client = realm.FindClient(request.ClientId)!;
        var now = time.GetUtcNow();

        RealmUser? user;
        LoginSession session;
        string? requestedScope = request.Scope;

        if (request.IsClientCredentialsGrantType())
        {
            user = realm.FindServiceAccount(client.ClientId)!;
            session = LoginSession.New(now, context.Connection.RemoteIpAddress?.ToString());
        }
        else if (request.IsPasswordGrantType())
        {
            var outcome = authenticator.Authenticate(request.Username, request.Password, out user);
            if (outcome != LoginOutcome.Success) return OpenIdResults.Error(Errors.InvalidGrant, Describe(outcome));
            session = LoginSession.New(now);
        }
        else
        {
            var presented = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("The authorization code or refresh token was not validated.");

            if (request.IsAuthorizationCodeGrantType()
                && (presented.GetClaim(TokenPrincipalFactory.CodeIdClaim) is not { } codeId || !codes.TryRedeem(codeId, now + realm.AccessCodeLifespan)))
            {
                return OpenIdResults.Error(Errors.InvalidGrant, "Code not valid");
            }

            user = realm.FindUserById(presented.GetClaim(Claims.Subject));
            if (user is null) return OpenIdResults.Error(Errors.InvalidGrant, "User not found");
            if (!user.Enabled) return OpenIdResults.Error(Errors.InvalidGrant, "Account disabled");
            session = TokenPrincipalFactory.SessionOf(presented);
            // Logout ended the session, or it outlived ssoSessionMaxLifespan (Keycloak's wording).
            if (!TokenPrincipalFactory.IsSessionActive(realm, session, endedSessions, now))
            {
                return OpenIdResults.Error(Errors.InvalidGrant, "Session not active");
            }
            // A refresh re-grants what the login granted; the scope parameter cannot widen it.
            requestedScope = presented.GetClaim(TokenPrincipalFactory.RequestedScopeClaim);
        }

        var grant = ScopeResolver.Resolve(client, requestedScope, user!, out var scopeError);
        if (grant is null) return OpenIdResults.Error(Errors.InvalidScope, scopeError!);

        return OpenIdResults.Issue(TokenPrincipalFactory.Create(realm, user!, client, grant, session, now));
    }

    // Keycloak's descriptions for the password grant.
    private static string Describe(LoginOutcome outcome) => outcome switch
    {
        LoginOutcome.Disabled => "Account disabled",
        LoginOutcome.LockedOut => "Account temporarily locked after repeated failed logins; try again later",
        _ => "Invalid user credentials",
    };
}
