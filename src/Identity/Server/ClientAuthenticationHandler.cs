using OpenIddict.Server;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Client authentication at the token and introspection endpoints, against the realm's clients
// (OpenIddict's own checks are off in degraded mode). Confidential clients must present their
// secret (client_secret_basic or client_secret_post); bearer-only clients cannot obtain tokens.
public sealed class ClientAuthenticationHandler(RealmModel realm) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    // Keycloak's wording for every client authentication failure: it does not say which part failed.
    public const string InvalidClientDescription = "Invalid client or Invalid client credentials";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<ClientAuthenticationHandler>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.EndpointType is not (OpenIddictServerEndpointType.Token or OpenIddictServerEndpointType.Introspection
            or OpenIddictServerEndpointType.Revocation))
        {
            return ValueTask.CompletedTask;
        }

        var client = realm.FindClient(context.ClientId);
        if (client is null || !client.Enabled)
        {
            context.Reject(Errors.InvalidClient, InvalidClientDescription);
        }
        else if (client.BearerOnly)
        {
            context.Reject(Errors.InvalidClient, "Bearer-only applications are not allowed to obtain tokens");
        }
        else if (client.IsConfidential && !client.ValidateSecret(context.ClientSecret))
        {
            context.Reject(Errors.InvalidClient, InvalidClientDescription);
        }
        else if (client.IsPublic && context.EndpointType == OpenIddictServerEndpointType.Introspection)
        {
            context.Reject(Errors.InvalidClient, "Public clients are not allowed to introspect tokens");
        }
        return ValueTask.CompletedTask;
    }
}
