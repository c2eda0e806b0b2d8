using Grpc.AspNetCore.Web;
using Samverkan.Gateway.Correlation;
using Samverkan.Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Microsoft.Extensions.Hosting;

public static class GatewayReverseProxyExtensions
{
    public const string ConfigSection = "ReverseProxy";

    // Routes, clusters, per-route policies and timeouts all come from the "ReverseProxy" section
    // (appsettings.json); destinations are service names resolved by service discovery.
    public static WebApplicationBuilder AddGatewayReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ConfigSection))
            .AddTransforms(CookieTransforms.Apply);

        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, GatewayForwarderHttpClientFactory>();
        builder.Services.Configure<GatewayBackendOptions>(builder.Configuration.GetSection(GatewayBackendOptions.SectionName));


        // Route "Timeout"/"TimeoutPolicy" need the request-timeouts middleware.
        builder.Services.AddRequestTimeouts();

        // The gateway's own grpc.health.v1 (its liveness), answered when no service is named.
        builder.AddGrpcServiceDefaults();
        return builder;
    }

    // Edge middleware that runs before authentication: correlation id, and gRPC-Web translated to
    // gRPC for every route, so browser clients reach services that speak only native gRPC.
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        return app;
    }

    public static WebApplication MapGatewayReverseProxy(this WebApplication app)
    {
        app.MapGrpcServiceDefaults();
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<GrpcProxyErrorMiddleware>();
            pipeline.UseMiddleware<GrpcRequestBodyLimitMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app;
    }
}
