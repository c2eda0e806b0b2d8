using System.Globalization;

namespace Samverkan.AppHost.Platform;

public static class PrometheusExtensions
{
    public const string AlertRulesPath = "deploy/prometheus/alerts.yml";
    public const string ConfigFileName = "prometheus.yml";

    // Prometheus (Debian package `prometheus`) when installed, scraping every project resource; its
    // configuration is generated from the model, so a new resource is scraped without editing a file.
    // Absent, the platform runs without it (the Aspire Dashboard still shows every metric over OTLP).
    public static IResourceBuilder<ExecutableResource>? AddPrometheus(this IDistributedApplicationBuilder builder, string name, PlatformOptions platform, int port)
    {
        var prometheus = Executables.FindOnPath("prometheus");
        if (prometheus is null)
        {
            Console.WriteLine($"'{name}' not started: prometheus is not on PATH (apt-get install prometheus).");
            return null;
        }

        var dataDirectory = platform.DataDirectoryFor(name);
        var configPath = Path.Combine(dataDirectory, ConfigFileName);
        File.WriteAllText(configPath, ScrapeConfiguration.Render(ScrapeTargets(builder.Resources), platform.PathInRepository(AlertRulesPath)));

        var listen = platform.Port(port).ToString(CultureInfo.InvariantCulture);
        return builder.AddExecutable(name, prometheus, dataDirectory,
                $"--config.file={configPath}",
                $"--storage.tsdb.path={Path.Combine(dataDirectory, "tsdb")}",
                $"--web.listen-address=127.0.0.1:{listen}")
            .WithHttpEndpoint(port: platform.Port(port), targetPort: platform.Port(port), isProxied: false)
            .WithHttpHealthCheck("/-/ready");
    }

    // Gives the portal's operations page Prometheus' HTTP API (Portal:PrometheusUrl) when Prometheus
    // runs; without it the page says that Prometheus is not configured. No WaitFor: the portal must
    // serve staff whether or not Prometheus is up.
    public static IResourceBuilder<ProjectResource> WithPrometheusApi(this IResourceBuilder<ProjectResource> portal,
        IResourceBuilder<ExecutableResource>? prometheus) =>
        prometheus is null ? portal : portal.WithEnvironment("Portal__PrometheusUrl", prometheus.GetEndpoint("http"));

    // One job per project resource: its "management" endpoint when it has one (HTTP/1.1, where
    // /metrics is served), otherwise "http". Ports are fixed in the model, so they are known here.
    public static IReadOnlyList<ScrapeTarget> ScrapeTargets(IEnumerable<IResource> resources) =>
        [.. resources.OfType<ProjectResource>()
            .Select(project => (project.Name, Endpoint: MetricsEndpoint(project)))
            .Where(target => target.Endpoint?.Port is not null)
            .Select(target => new ScrapeTarget(target.Name, $"127.0.0.1:{target.Endpoint!.Port!.Value.ToString(CultureInfo.InvariantCulture)}"))];

    private static EndpointAnnotation? MetricsEndpoint(ProjectResource project)
    {
        var endpoints = project.Annotations.OfType<EndpointAnnotation>().ToList();
        return endpoints.FirstOrDefault(e => e.Name == GrpcServiceExtensions.ManagementEndpointName)
            ?? endpoints.FirstOrDefault(e => e.Name == "http");
    }
}
