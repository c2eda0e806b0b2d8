using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Keycloak puts client_id only in service-account access tokens (through the service_account
// scope); OpenIddict adds it to every access token. User tokens name their client in azp.
// OpenIddict's private presenter list (oi_prst) is not part of Keycloak's token either.
public sealed class ServiceAccountClientIdHandler : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<ServiceAccountClientIdHandler>()
            .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.AccessTokenPrincipal is not { } access) return ValueTask.CompletedTask;
        access.RemoveClaims(Claims.Private.Presenter);
        if (!context.Request.IsClientCredentialsGrantType()) access.RemoveClaims(Claims.ClientId);
        return ValueTask.CompletedTask;
    }
}
