using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Samverkan.Gateway.Grpc;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Keycloak;

namespace Samverkan.Gateway.Security;

// A gRPC caller whose valid token lacks what the route requires gets PermissionDenied (7) naming
// the roles the route accepts (an HTTP/JSON caller gets 403 with the same message as JSON). Everything else takes the standard path: a challenge reaches the
// Keycloak JwtBearer events, which answer gRPC callers with Unauthenticated (16) and others with
// 401 (never a redirect). Nothing is forwarded either way.
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && JsonStatusResponse.IsJsonCaller(context.Request))
        {
            return JsonStatusResponse.WriteAsync(context.Response, StatusCodes.Status403Forbidden, StatusCode.PermissionDenied, Describe(policy));
        }
        if (!authorizeResult.Forbidden || !GrpcProtocol.IsGrpcRequest(context.Request))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        return GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, Describe(policy));
    }

    private static string Describe(AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RealmAccessRequirement>().SelectMany(r => r.Roles).Distinct().ToList();
        return roles.Count > 0
            ? $"This service requires one of the roles {string.Join(", ", roles)}; the access token carries none of them."
            : "The access token does not allow this call.";
    }
}
