using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Net.Http.Headers;
using Samverkan.Gateway.Grpc;

namespace Samverkan.Gateway.Security;

// For gRPC calls, a failed authorization is answered as gRPC: Unauthenticated (16) when the token
// is missing or invalid, PermissionDenied (7) when the token lacks what the route requires. Other
// requests get the usual 401/403 (JwtBearer never redirects). Nothing is forwarded either way.
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !GrpcProtocol.IsGrpcRequest(context.Request))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
            var message = reasons.Count > 0 ? string.Join(" ", reasons) : "The access token does not allow this call.";
            await GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, message);
            return;
        }

        var problem = await BearerTokenProblem.DescribeAsync(context);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return Task.CompletedTask;
        });
        await GrpcStatusResponse.WriteAsync(context, StatusCode.Unauthenticated, problem);
    }
}
