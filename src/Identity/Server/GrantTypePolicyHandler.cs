using OpenIddict.Abstractions;
using OpenIddict.Server;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Which grant each client may use, from its Keycloak flags: standard flow -> authorization code,
// direct access grants -> password, service accounts -> client credentials.
public sealed class GrantTypePolicyHandler(RealmModel realm) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<GrantTypePolicyHandler>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateGrantTypePermissions.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var client = realm.FindClient(context.ClientId);
        if (client is null) return ValueTask.CompletedTask; // already rejected by client authentication

        var request = context.Request;
        var problem = request switch
        {
            _ when request.IsAuthorizationCodeGrantType() && !client.StandardFlowEnabled =>
                "Client not allowed to exchange code",
            _ when request.IsPasswordGrantType() && !client.DirectAccessGrantsEnabled =>
                "Client not allowed for direct access grants",
            _ when request.IsClientCredentialsGrantType() && (!client.ServiceAccountsEnabled || realm.FindServiceAccount(client.ClientId) is null) =>
                "Client not enabled to retrieve service account",
            _ when !request.IsAuthorizationCodeGrantType() && !request.IsPasswordGrantType() && !request.IsClientCredentialsGrantType()
                && !request.IsRefreshTokenGrantType() => $"Unsupported grant_type '{request.GrantType}'",
            _ => null,
        };
        if (problem is not null) context.Reject(Errors.UnauthorizedClient, problem);
        return ValueTask.CompletedTask;
    }
}
