using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Http;

// The one rule for "is this a gRPC call", so the authentication's refusals, the JSON refusals and the
// gateway all answer the same caller in the same terms (application/grpc, +proto, +json, -web).
public static class GrpcRequests
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
