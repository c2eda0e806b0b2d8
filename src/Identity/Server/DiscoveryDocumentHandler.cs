using OpenIddict.Server;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// The discovery document as Keycloak writes it with KC_HOSTNAME set: every endpoint under the
// configured public URL (Identity:PublicUrl), whatever Host header the request carried, so a
// forged Host cannot point a client's login or token exchange elsewhere. With
// Identity:BackchannelDynamic (KC_HOSTNAME_BACKCHANNEL_DYNAMIC) the back-channel endpoints -
// token, certs, userinfo, introspection - follow the address the request came to, for services
// that reach the server on an internal address. Only client authentication methods this server
// checks are advertised (client secrets; no private_key_jwt or client_secret_jwt).
public sealed class DiscoveryDocumentHandler(RealmModel realm, IdentityServerOptions options)
    : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    private static readonly string[] SecretMethods = [ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost];

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryDocumentHandler>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachAdditionalMetadata.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        foreach (var methods in new[] { context.TokenEndpointAuthenticationMethods, context.IntrospectionEndpointAuthenticationMethods,
            context.RevocationEndpointAuthenticationMethods })
        {
            methods.RemoveWhere(method => !SecretMethods.Contains(method));
        }

        if (string.IsNullOrWhiteSpace(options.PublicUrl)) return ValueTask.CompletedTask;

        var realmBase = $"{options.PublicUrl.TrimEnd('/')}/realms/{Uri.EscapeDataString(realm.Name)}/";
        Uri? Public(Uri? endpoint, string path) => endpoint is null ? null : new Uri(realmBase + path);
        context.AuthorizationEndpoint = Public(context.AuthorizationEndpoint, "protocol/openid-connect/auth");
        context.EndSessionEndpoint = Public(context.EndSessionEndpoint, "protocol/openid-connect/logout");
        if (!options.BackchannelDynamic)
        {
            context.TokenEndpoint = Public(context.TokenEndpoint, "protocol/openid-connect/token");
            context.JsonWebKeySetEndpoint = Public(context.JsonWebKeySetEndpoint, "protocol/openid-connect/certs");
            context.UserInfoEndpoint = Public(context.UserInfoEndpoint, "protocol/openid-connect/userinfo");
            context.IntrospectionEndpoint = Public(context.IntrospectionEndpoint, "protocol/openid-connect/token/introspect");
        }
        return ValueTask.CompletedTask;
    }
}
