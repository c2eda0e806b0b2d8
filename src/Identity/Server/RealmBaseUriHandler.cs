using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Samverkan.Identity.Realm;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Serves the realm under Keycloak's layout: the base of every endpoint (and, without a configured
// public URL, the issuer) becomes {scheme}://{host}/realms/{realm}, so endpoint paths are relative
// ("protocol/openid-connect/token") and the issuer has no trailing slash, exactly as Keycloak's.
public sealed class RealmBaseUriHandler(RealmModel realm) : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<RealmBaseUriHandler>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context.BaseUri is { } baseUri)
        {
            context.BaseUri = new Uri(baseUri, $"realms/{Uri.EscapeDataString(realm.Name)}");
        }
        return ValueTask.CompletedTask;
    }
}
