using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults.Grpc;

namespace Microsoft.Extensions.Hosting;

// gRPC as every Samverkan service runs it: the standard grpc.health.v1 service (fed by the same
// health checks as /health), server reflection, and an interceptor that turns unexpected failures
// into a gRPC status without leaking internals or personal data; the request-duration metric carries
// each call's gRPC status (GrpcStatusMetricTag).
public static class GrpcServiceDefaults
{
    public static TBuilder AddGrpcServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<UnhandledExceptionInterceptor>();
            // Large enough for any legitimate message; larger payloads are refused with ResourceExhausted.
            options.MaxReceiveMessageSize = 1 * 1024 * 1024;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    // Health and reflection are the only anonymous gRPC endpoints.
    public static WebApplication MapGrpcServiceDefaults(this WebApplication app)
    {
        app.UseGrpcStatusMetricTag();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
