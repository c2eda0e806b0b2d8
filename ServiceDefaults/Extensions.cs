using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

// Adds the services every Samverkan process shares: telemetry, health checks, service discovery
// and resilience. Shaped after Aspire's ServiceDefaults template so a real Aspire AppHost can
// host these projects unchanged.
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string MetricsEndpointPath = "/metrics";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    // Everything except outgoing HTTP (so a service that calls nobody carries no resilience pipeline).
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultLogLevels();
        builder.AddDefaultHealthChecks();
        builder.AddPrivacyLogFilters();
        builder.ConfigureOpenTelemetry();
        return builder;
    }

    // Libraries that log every step of a normal start at Information: StackExchange.Redis logs each
    // connection step, with raw handshake payloads. Added as the lowest-priority configuration, so
    // appsettings or Logging__LogLevel__... still raise them when debugging.
    public static TBuilder AddDefaultLogLevels<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:StackExchange.Redis"] = "Warning" },
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            // Formatted messages are kept, so log templates must never carry personal data:
            // see docs/privacy.md for what may be logged.
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PlatformTelemetry.MeterPrefix + "*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(PlatformTelemetry.ActivitySourcePrefix + "*")
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Health probes and scrapes are noise in traces.
                    o.Filter = context => !IsInfrastructurePath(context.Request.Path);
                    // Query strings and paths carry caller text (identifiers, or whatever a caller
                    // put in a path parameter); never record them. The route template (http.route,
                    // and the span name) says which endpoint was called.
                    o.EnrichWithHttpRequest = (activity, _) =>
                    {
                        activity.SetTag("url.query", null);
                        activity.SetTag("url.path", null);
                    };
                })
                .AddGrpcClientInstrumentation()
                // Outgoing calls (the gateway's forwarded requests included) record where they went,
                // not the path and query they carried.
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    if (request.RequestUri is { IsAbsoluteUri: true } uri) activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority));
                }));

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // OTLP is on only when an endpoint is configured (Aspire injects OTEL_EXPORTER_OTLP_ENDPOINT).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            // "live" = the process answers; readiness adds every dependency check (store, identity, ...).
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    // Health and metrics are mapped in every environment (unlike the Aspire template): the
    // launcher, the gateway and production probes all depend on them. They reveal no personal data.
    // A public-facing process keeps /metrics on its management endpoint (ManagementEndpoint).
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains("live"),
        }).AllowAnonymous();
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsEndpointPath).AllowAnonymous();
        app.RestrictToManagementEndpoint(metrics);
        return app;
    }

    private static bool IsInfrastructurePath(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) ||
        path.StartsWithSegments(AlivenessEndpointPath) ||
        path.StartsWithSegments(MetricsEndpointPath);
}
