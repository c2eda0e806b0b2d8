using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samverkan.TestSupport.Telemetry;

// An in-process OpenTelemetry collector for tests: a real Kestrel h2c gRPC server on a free loopback
// port serving the OTLP trace, logs and metrics Export methods, keeping everything it receives in
// memory (Received). Point OTEL_EXPORTER_OTLP_ENDPOINT (or an AppHost's ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL) at Endpoint with
// OTEL_EXPORTER_OTLP_PROTOCOL=grpc.
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri endpoint, ReceivedTelemetry received)
    {
        _app = app;
        Endpoint = endpoint;
        Received = received;
    }

    // http://127.0.0.1:{port}, without a trailing slash (the exporters append the method path).
    public Uri Endpoint { get; }

    public string EndpointUrl => Endpoint.GetLeftPart(UriPartial.Authority);

    public ReceivedTelemetry Received { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OtlpReceiver).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        // Port 0: the OS picks a free port; h2c only, as OTLP/gRPC exporters speak HTTP/2 with prior knowledge.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        var received = new ReceivedTelemetry();
        builder.Services.AddSingleton(received);
        // A batch from a busy process can pass gRPC's default 4 MB limit.
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 64 * 1024 * 1024);

        var app = builder.Build();
        app.MapGrpcService<OtlpTraceService>();
        app.MapGrpcService<OtlpLogsService>();
        app.MapGrpcService<OtlpMetricsService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OtlpReceiver(app, new Uri(address), received);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
