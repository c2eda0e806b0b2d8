using Samverkan.Identity.Keys;
using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Endpoints;

// GET /realms/{realm}: Keycloak's public realm description (what "Download adapter config" and
// old adapters read): the realm name, its public signing key, and where its services are.
public static class RealmInfoEndpoint
{
    public static IResult Handle(HttpContext context, RealmModel realm, KeyStore keys, IdentityServerOptions options)
    {
        var realmUrl = $"{PublicBase(context, options)}/realms/{realm.Name}";
        var publicKey = keys.SigningKey.Rsa?.ExportSubjectPublicKeyInfo()
            ?? throw new InvalidOperationException("The signing key has no RSA key.");
        return Results.Json(new Dictionary<string, object>
        {
            ["realm"] = realm.Name,
            ["public_key"] = Convert.ToBase64String(publicKey),
            ["token-service"] = realmUrl + "/protocol/openid-connect",
            ["account-service"] = realmUrl + "/account",
            ["tokens-not-before"] = 0,
        });
    }

    public static string PublicBase(HttpContext context, IdentityServerOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicUrl)
            ? options.PublicUrl.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
}
