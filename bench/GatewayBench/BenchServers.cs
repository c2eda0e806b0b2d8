using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samverkan.GatewayBench;

// The two in-process backends, each a real Kestrel h2c server on a free loopback port.
public static class BenchServers
{
    // The ceiling: Kestrel + gRPC and nothing else.
    public static Task<WebApplication> StartBareEchoAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenH2c(builder);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<BenchEchoService>();
        return StartAsync(app);
    }

    // Composed like a platform service: ServiceDefaults (telemetry, health), Keycloak bearer
    // authentication against the identity server, gRPC defaults, and an authorized echo.
    public static Task<WebApplication> StartPlatformServiceAsync(IDictionary<string, string?> keycloak)
    {
        // Development: the bench's identity server answers on plain HTTP (refused in production).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(keycloak
            .Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value))
            .Append(new("Keycloak:Resource", "sip-plans")));
        ListenH2c(builder);
        builder.AddServiceDefaults();
        builder.AddKeycloakWebApiAuthentication();
        builder.AddGrpcServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcServiceDefaults();
        app.MapGrpcService<BenchEchoService>();
        return StartAsync(app);
    }

    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    private static void ListenH2c(WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

    private static async Task<WebApplication> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return app;
    }
}
