using Samverkan.Identity.Endpoints;
using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Hosting;

public static class RealmEndpointExtensions
{
    // The passthrough endpoints OpenIddict hands validated requests to. Discovery (.well-known),
    // certs and introspection are answered by OpenIddict itself.
    public static WebApplication MapRealmEndpoints(this WebApplication app, RealmModel realm)
    {
        var protocol = app.MapGroup($"/realms/{realm.Name}/protocol/openid-connect").AllowAnonymous();
        protocol.MapMethods("/auth", [HttpMethods.Get, HttpMethods.Post], AuthorizationEndpoint.HandleAsync).DisableAntiforgery();
        protocol.MapPost("/token", TokenEndpoint.HandleAsync).DisableAntiforgery();
        protocol.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync).DisableAntiforgery();
        protocol.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync).DisableAntiforgery();

        app.MapPost(LoginEndpoint.ActionPath(realm), LoginEndpoint.HandleAsync).AllowAnonymous();
        app.MapGet($"/realms/{realm.Name}", RealmInfoEndpoint.Handle).AllowAnonymous();
        return app;
    }
}
