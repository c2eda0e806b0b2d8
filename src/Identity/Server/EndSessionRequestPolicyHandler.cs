using OpenIddict.Abstractions;
using OpenIddict.Server;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// RP-initiated logout: a post_logout_redirect_uri is followed only when it is registered for the
// client named by client_id or by the id_token_hint.
public sealed class EndSessionRequestPolicyHandler(RealmModel realm) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseSingletonHandler<EndSessionRequestPolicyHandler>()
            .SetOrder(OpenIddictServerHandlers.Session.ValidateClientPostLogoutRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (string.IsNullOrEmpty(context.PostLogoutRedirectUri)) return ValueTask.CompletedTask;

        var clientId = context.ClientId ?? context.IdentityTokenHintPrincipal?.GetClaim(Claims.AuthorizedParty);
        var client = realm.FindClient(clientId);
        if (client is null || !client.IsValidPostLogoutRedirectUri(context.PostLogoutRedirectUri))
        {
            context.Reject(Errors.InvalidRequest, "Invalid redirect uri");
        }
        return ValueTask.CompletedTask;
    }
}
