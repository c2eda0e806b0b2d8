using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Endpoints;

// POST /realms/{realm}/login-actions/authenticate: the login form (Keycloak's path). On success
// the browser gets the SSO cookie and goes back to the authorization request it came from.
public static class LoginEndpoint
{
    public static string ActionPath(RealmModel realm) => $"/realms/{realm.Name}/login-actions/authenticate";

    public static string AuthorizationPath(RealmModel realm) => $"/realms/{realm.Name}/protocol/openid-connect/auth";

    // Form binding (and so antiforgery validation) through [FromForm] parameters.
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromForm(Name = "username")] string? username,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "return_url")] string? returnUrl,
        RealmModel realm, UserAuthenticator authenticator, IAntiforgery antiforgery, TimeProvider time)
    {
        // Only an authorization request of this realm may be continued: no open redirect.
        var authorizationPath = context.Request.PathBase + AuthorizationPath(realm);
        if (returnUrl is null || !returnUrl.StartsWith(authorizationPath + "?", StringComparison.Ordinal))
        {
            return HtmlPages.Message(realm.DisplayName, "Inloggningen kan inte fortsätta",
                "Starta inloggningen från den tjänst du vill använda.", StatusCodes.Status400BadRequest);
        }

        var outcome = authenticator.Authenticate(username, password, out var user);
        if (outcome != LoginOutcome.Success)
        {
            return RenderForm(context, realm, antiforgery, returnUrl, username, SwedishMessages.For(outcome));
        }

        var identity = new ClaimsIdentity(LoginCookie.Scheme, Claims.PreferredUsername, null);
        identity.AddClaim(new Claim(Claims.Subject, user!.Id));
        identity.AddClaim(new Claim(Claims.PreferredUsername, user.Username));
        identity.AddClaim(new Claim(LoginCookie.SessionIdClaim, Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim(LoginCookie.AuthTimeClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        await context.SignInAsync(LoginCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    public static IResult RenderForm(HttpContext context, RealmModel realm, IAntiforgery antiforgery, string returnUrl, string? username, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return HtmlPages.Login(realm.DisplayName, context.Request.PathBase + ActionPath(realm), returnUrl,
            tokens.FormFieldName, tokens.RequestToken!, username, error);
    }
}
