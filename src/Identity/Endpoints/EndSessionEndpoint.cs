using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;

namespace Samverkan.Identity.Endpoints;

// GET|POST /realms/{realm}/protocol/openid-connect/logout (RP-initiated logout). Like Keycloak,
// a request without id_token_hint asks the person to confirm, so a link cannot log anyone out.
public static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, RealmModel realm, IAntiforgery antiforgery, EndedSessions endedSessions)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var confirmed = HttpMethods.IsPost(context.Request.Method) && await antiforgery.IsRequestValidAsync(context);
        if (string.IsNullOrEmpty(request.IdTokenHint) && !confirmed)
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            var parameters = request.GetParameters()
                .Where(p => p.Key is "client_id" or "post_logout_redirect_uri" or "state" or "ui_locales")
                .Select(p => new KeyValuePair<string, string>(p.Key, (string?)p.Value ?? ""));
            return HtmlPages.ConfirmLogout(realm.DisplayName, context.Request.PathBase + context.Request.Path,
                tokens.FormFieldName, tokens.RequestToken!, parameters);
        }

        // The session ends for every token of it: the browser's SSO cookie and every refresh token
        // issued in it (the id_token_hint names the session a client knows; the cookie the browser's).
        var hinted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var browser = await context.AuthenticateAsync(LoginCookie.Scheme);
        foreach (var sessionId in new[] { hinted?.GetClaim("sid"), browser.Principal?.FindFirst(LoginCookie.SessionIdClaim)?.Value })
        {
            if (!string.IsNullOrEmpty(sessionId)) endedSessions.End(sessionId);
        }
        await context.SignOutAsync(LoginCookie.Scheme);
        if (string.IsNullOrEmpty(request.PostLogoutRedirectUri))
        {
            return HtmlPages.Message(realm.DisplayName, "Utloggad", "Du är nu utloggad från Samverkan Dalarna.");
        }
        // OpenIddict redirects to the validated post_logout_redirect_uri (with state).
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
