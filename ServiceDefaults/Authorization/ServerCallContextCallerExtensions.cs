using Grpc.Core;

namespace Samverkan.ServiceDefaults.Authorization;

public static class ServerCallContextCallerExtensions
{
    // The caller of a gRPC call, or Unauthenticated/PermissionDenied in gRPC terms.
    public static CallerIdentity GetCaller(this ServerCallContext context)
    {
        var principal = context.GetHttpContext().User;
        var caller = CallerIdentity.FromPrincipal(principal, out var problem);
        if (caller is not null) return caller;

        var code = principal.Identity?.IsAuthenticated == true ? StatusCode.PermissionDenied : StatusCode.Unauthenticated;
        throw new RpcException(new Status(code, problem ?? "Not authorized."));
    }

    // The caller, who must hold at least one of the roles.
    public static CallerIdentity RequireRole(this ServerCallContext context, params string[] roles)
    {
        var caller = context.GetCaller();
        if (!caller.HasAnyRole(roles))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"This call requires one of the roles: {string.Join(", ", roles)}."));
        }
        return caller;
    }
}
