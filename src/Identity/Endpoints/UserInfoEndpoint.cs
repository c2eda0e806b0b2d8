using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Endpoints;

// GET|POST /realms/{realm}/protocol/openid-connect/userinfo: the claims of the granted scopes'
// mappers marked userinfo.token.claim, for the user of a valid access token.
public static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, RealmModel realm)
    {
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = realm.FindUserById(token?.GetClaim(Claims.Subject));
        var client = realm.FindClient(token?.GetClaim(Claims.AuthorizedParty) ?? token?.GetClaim(Claims.ClientId));
        if (token is null || user is null || !user.Enabled || client is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "User not found or disabled",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var grant = ScopeResolver.Resolve(client, string.Join(' ', token.GetScopes()), user, out _)
            ?? ScopeResolver.Resolve(client, null, user, out _)!;
        var session = new LoginSession(token.GetClaim("sid") ?? "", DateTimeOffset.UtcNow, null);
        var claims = ProtocolMapperEvaluator.Evaluate(realm, user, client, grant, session).UserInfo;
        claims["sub"] = user.Id;
        return Results.Content(claims.ToJsonString(), "application/json");
    }
}
