using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Samverkan.Gateway.Grpc;
using Yarp.ReverseProxy.Model;

namespace Samverkan.Gateway.Proxy;

// Proxy pipeline step: enforces the route's MaxRequestBodySize (else Kestrel's) on gRPC calls.
public sealed class GrpcRequestBodyLimitMiddleware(RequestDelegate next, IOptions<KestrelServerOptions> kestrel)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (GrpcProtocol.IsGrpcRequest(context.Request))
        {
            var routeLimit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize;
            var limit = routeLimit ?? kestrel.Value.Limits.MaxRequestBodySize;
            if (limit is > 0)
            {
                context.Request.Body = new RequestBodyLimitStream(context.Request.Body, limit.Value);
            }
        }
        return next(context);
    }
}
