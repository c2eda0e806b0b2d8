using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Endpoints;

// GET|POST /realms/{realm}/protocol/openid-connect/auth. OpenIddict has validated client,
// redirect_uri and PKCE; this decides who the user is: the SSO cookie, or the login form.
public static class AuthorizationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, RealmModel realm, IAntiforgery antiforgery, TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var client = realm.FindClient(request.ClientId)!;

        var login = await context.AuthenticateAsync(LoginCookie.Scheme);
        var user = login.Succeeded ? realm.FindUserById(login.Principal!.FindFirstValue(Claims.Subject)) : null;
        var authTime = login.Succeeded && long.TryParse(login.Principal!.FindFirstValue(LoginCookie.AuthTimeClaim), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;

        var mustLogin = user is null || !user.Enabled || authTime is null
            || request.HasPromptValue(PromptValues.Login)
            || (request.MaxAge is { } maxAge && time.GetUtcNow() - authTime > TimeSpan.FromSeconds(maxAge));
        if (mustLogin)
        {
            if (request.HasPromptValue(PromptValues.None)) return OpenIdResults.Error(Errors.LoginRequired, "Login required");
            return LoginEndpoint.RenderForm(context, realm, antiforgery, ReturnUrl(context, request), username: request.LoginHint, error: null);
        }

        var grant = ScopeResolver.Resolve(client, request.Scope, user!, out var scopeError);
        if (grant is null) return OpenIdResults.Error(Errors.InvalidScope, scopeError!);

        var session = new LoginSession(login.Principal!.FindFirstValue(LoginCookie.SessionIdClaim) ?? Guid.NewGuid().ToString(), authTime!.Value, null);
        return OpenIdResults.Issue(TokenPrincipalFactory.CreateForCode(user!, grant, session));
    }

    // Where the login form returns to: this same authorization request, without prompt=login
    // (which would otherwise ask again forever). Parameters are re-encoded from the parsed request
    // so a POSTed authorization request continues as a GET.
    private static string ReturnUrl(HttpContext context, OpenIddictRequest request)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in request.GetParameters())
        {
            if (name == Parameters.Prompt) continue;
            foreach (var item in (Microsoft.Extensions.Primitives.StringValues)value) parameters.Add(new(name, item));
        }
        return QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, parameters);
    }
}
