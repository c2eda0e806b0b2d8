using OpenIddict.Server;
using Samverkan.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Validates the client and redirect_uri of an authorization request before anything is redirected
// anywhere: a rejection here is shown locally, never sent to an unverified redirect_uri.
public sealed class AuthorizationRequestPolicyHandler(RealmModel realm) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<AuthorizationRequestPolicyHandler>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var client = realm.FindClient(context.ClientId);
        if (client is null || !client.Enabled)
        {
            context.Reject(Errors.InvalidClient, "Client not found.");
        }
        else if (!client.StandardFlowEnabled)
        {
            context.Reject(Errors.UnauthorizedClient, "Client is not allowed to initiate browser login with given response_type. Standard flow is disabled for the client.");
        }
        else if (!client.IsValidRedirectUri(context.RedirectUri))
        {
            context.Reject(Errors.InvalidRequest, "Invalid parameter: redirect_uri");
        }
        else if (client.PkceMethod is { } method && context.Request.CodeChallengeMethod != method)
        {
            context.Reject(Errors.InvalidRequest, $"Missing or invalid parameter: code_challenge_method (this client requires PKCE with {method}).");
        }
        return ValueTask.CompletedTask;
    }
}
