using System.Security.Cryptography;

namespace Samverkan.AppHost.Hosting;

// The environment a real Aspire AppHost (run mode, Development) gives a project resource,
// per docs/reference platform.md §2.1 and §2.5. Services read only these variables, so replacing
// this launcher by Aspire changes nothing in them.
public static class ProjectEnvironment
{
    public const string EnvironmentName = "Development";
    public const string LaunchProfile = "http";

    // Aspire's DcpHost.s_doNotInheritEnvironmentVars: a launcher started from a shell that has these
    // set must not hand them to every child (they would all bind the same URL).
    public static IReadOnlyList<string> NotInherited { get; } =
        ["ASPNETCORE_URLS", "DOTNET_LAUNCH_PROFILE", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    public static Dictionary<string, string> Create(ProjectResource project, KestrelSettings kestrel, LaunchOptions options, bool ansiColors)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);

        AddUrls(environment, project, kestrel);
        environment["ASPNETCORE_ENVIRONMENT"] = EnvironmentName;
        environment["DOTNET_LAUNCH_PROFILE"] = LaunchProfile;

        AddOpenTelemetry(environment, project.Name, options.OtlpEndpoint);

        environment["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
        if (ansiColors)
        {
            // Aspire sets this always because its dashboard renders colours; we set it only when our
            // own output is a terminal, so CI logs stay free of escape codes.
            environment["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";
        }

        foreach (var reference in project.References)
        {
            foreach (var addReference in reference.ReferenceEnvironment)
            {
                addReference(environment);
            }
        }

        foreach (var addOwn in project.Environment)
        {
            addOwn(environment);
        }

        return environment;
    }

    private static void AddUrls(Dictionary<string, string> environment, ProjectResource project, KestrelSettings kestrel)
    {
        // One endpoint: ASPNETCORE_URLS, exactly as Aspire does.
        if (!kestrel.DeclaresEndpoints && project.Endpoints.Count == 1)
        {
            environment["ASPNETCORE_URLS"] = project.PrimaryEndpoint.Url;
            return;
        }

        // Named endpoints (the gateway's "http" and "grpc"): one URL variable per endpoint, so each can
        // keep its own protocols. Aspire does this when appsettings.json names Kestrel:Endpoints; we also
        // do it for any project with several endpoints, because ASPNETCORE_URLS cannot say which URL is
        // h2c. (A project that names its endpoints in appsettings.json behaves the same under Aspire.)
        foreach (var endpoint in project.Endpoints)
        {
            if (kestrel.DeclaresEndpoints && !kestrel.EndpointNames.Contains(endpoint.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new LaunchFailedException(
                    $"Resource '{project.Name}' declares endpoint '{endpoint.Name}', but {project.ProjectDirectory}/appsettings.json " +
                    $"names only Kestrel:Endpoints {string.Join(", ", kestrel.EndpointNames)}. Name them alike.", project.Name);
            }

            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = endpoint.Url;
        }
    }

    private static void AddOpenTelemetry(Dictionary<string, string> environment, string serviceName, string? otlpEndpoint)
    {
        // The resource name, so traces group the way an Aspire dashboard shows them.
        environment["OTEL_SERVICE_NAME"] = serviceName;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={RandomInstanceId()}";

        // No endpoint, no exporter: ServiceDefaults adds OTLP only when this variable is set.
        if (otlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        }

        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
        environment["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";

        // Development defaults: export quickly and keep every trace.
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        environment["OTEL_TRACES_SAMPLER"] = "always_on";
        environment["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
        // Deliberately not set (Aspire sets them in Development): *_DISABLE_URL_QUERY_REDACTION and
        // GENAI_CAPTURE_MESSAGE_CONTENT. Query strings and message content may carry personal data.
    }

    private static string RandomInstanceId() =>
        string.Create(8, 0, static (span, _) =>
        {
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
}
