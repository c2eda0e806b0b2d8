using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Keycloak returns a refresh token for the code and password grants (and on refresh) without the
// offline_access scope, and none for client credentials; OpenIddict would tie it to offline_access.
public sealed class RefreshTokenPolicyHandler : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<RefreshTokenPolicyHandler>()
            .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Token)
        {
            var request = context.Request;
            context.GenerateRefreshToken = context.IncludeRefreshToken =
                request.IsAuthorizationCodeGrantType() || request.IsPasswordGrantType() || request.IsRefreshTokenGrantType();
        }
        return ValueTask.CompletedTask;
    }
}
