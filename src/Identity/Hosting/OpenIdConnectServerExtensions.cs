using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Server;
using Samverkan.Identity.Keys;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Server;
using Samverkan.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Hosting;

public static class OpenIdConnectServerExtensions
{
    // OpenIddict in degraded mode: the realm file, not a database, holds clients and users, so
    // client authentication, redirect URIs and grant permissions are checked by our handlers
    // (Server/*). Endpoints follow Keycloak's layout under /realms/{realm}.
    public static WebApplicationBuilder AddKeycloakCompatibleServer(this WebApplicationBuilder builder, RealmModel realm)
    {
        var options = builder.Configuration.GetSection(IdentityServerOptions.SectionName).Get<IdentityServerOptions>() ?? new();
        if (!builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            // Keycloak in production mode refuses to start without KC_HOSTNAME for the same reason:
            // endpoints taken from the request's Host header can be pointed anywhere.
            throw new InvalidOperationException("Set Identity:PublicUrl (Identity__PublicUrl) outside Development: the issuer and endpoints must not follow the request's Host header.");
        }
        var dataDirectory = options.ResolveDataDirectory(builder.Environment.ContentRootPath);
        var keys = KeyStore.Open(dataDirectory);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(options);

        // The login cookie and antiforgery tokens survive restarts too.
        builder.Services.AddDataProtection()
            .SetApplicationName("Samverkan.Identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "data-protection")));

        builder.Services.AddSingleton(provider => new EndedSessions(
            Path.Combine(dataDirectory, "ended-sessions"), realm.SessionMaxLifespan, provider.GetRequiredService<TimeProvider>()));

        var accessTokenLifespan = options.AccessTokenLifespanSeconds is > 0 and var a ? TimeSpan.FromSeconds(a) : realm.AccessTokenLifespan;
        var codeLifespan = options.AccessCodeLifespanSeconds is > 0 and var c ? TimeSpan.FromSeconds(c) : realm.AccessCodeLifespan;

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();

            // Relative to the realm base set by RealmBaseUriHandler.
            server.SetConfigurationEndpointUris(".well-known/openid-configuration")
                .SetAuthorizationEndpointUris("protocol/openid-connect/auth")
                .SetTokenEndpointUris("protocol/openid-connect/token")
                .SetJsonWebKeySetEndpointUris("protocol/openid-connect/certs")
                .SetUserInfoEndpointUris("protocol/openid-connect/userinfo")
                .SetEndSessionEndpointUris("protocol/openid-connect/logout")
                .SetIntrospectionEndpointUris("protocol/openid-connect/token/introspect");

            server.AllowAuthorizationCodeFlow()
                .AllowClientCredentialsFlow()
                .AllowPasswordFlow()
                .AllowRefreshTokenFlow()
                .RequireProofKeyForCodeExchange();

            // Scopes are Keycloak client scopes, resolved per client by ScopeResolver.
            server.DisableScopeValidation();
            server.RegisterScopes([Scopes.OpenId, .. realm.ClientScopes.Keys]);

            // Services read access tokens as plain signed JWTs, like Keycloak's.
            server.DisableAccessTokenEncryption();
            server.AddSigningKey(keys.SigningKey).AddEncryptionKey(keys.EncryptionKey);

            server.SetAccessTokenLifetime(accessTokenLifespan)
                .SetIdentityTokenLifetime(accessTokenLifespan)
                .SetAuthorizationCodeLifetime(codeLifespan)
                .SetRefreshTokenLifetime(realm.SessionIdleTimeout);

            if (!string.IsNullOrWhiteSpace(options.PublicUrl))
            {
                server.SetIssuer(new Uri($"{options.PublicUrl.TrimEnd('/')}/realms/{realm.Name}"));
            }

            server.Configure(o =>
            {
                // PKCE with S256 only ("plain" protects nothing against a stolen code).
                o.CodeChallengeMethods.Clear();
                o.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
            });

            server.AddEventHandler(RealmBaseUriHandler.Descriptor)
                .AddEventHandler(ClientAuthenticationHandler.Descriptor)
                .AddEventHandler(GrantTypePolicyHandler.Descriptor)
                .AddEventHandler(AuthorizationRequestPolicyHandler.Descriptor)
                .AddEventHandler(EndSessionRequestPolicyHandler.Descriptor)
                .AddEventHandler(RefreshTokenPolicyHandler.Descriptor)
                .AddEventHandler(ServiceAccountClientIdHandler.Descriptor)
                .AddEventHandler(DiscoveryDocumentHandler.Descriptor)
                .AddEventHandler(IntrospectionClaimsHandler.Descriptor)
                .AddEventHandler(AccessTokenTypeHandlers.Generate)
                .AddEventHandler(AccessTokenTypeHandlers.AcceptType)
                .AddEventHandler(AccessTokenTypeHandlers.Classify);

            // Keycloak lets any confidential client of the realm introspect any of its tokens;
            // OpenIddict would limit it to the token's audiences and presenter.
            server.RemoveEventHandler(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor);

            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                // TLS is terminated in front of this server in production; local runs use plain HTTP.
                .DisableTransportSecurityRequirement();
        });
        return builder;
    }
}
