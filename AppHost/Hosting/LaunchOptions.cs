using System.Globalization;

namespace Samverkan.AppHost.Hosting;

// Command line of the launcher. Everything has a default, so `dotnet run --project AppHost` needs none.
public sealed record LaunchOptions
{
    public const string Usage = """
        Usage: dotnet run --project AppHost [-- options]

          --store redis|garnet|auto   which store server to run (default auto: redis-server when on PATH,
                                      else the embedded Garnet server; env SAMVERKAN_STORE)
          --port-offset N             add N to every fixed port (store 16379, identity 8080, gateway 5000/5001,
                                      sip-plans 5301, discharge-notices 5302, relative-support 5303,
                                      personal-ombudsmen 5304, access-log 5305)
          --data-dir DIR              durable data root, one folder per resource (default .apphost/data)
          --state-file FILE           where the resource states are written (default .apphost/resources.json)
          --otlp URL                  OTLP endpoint for telemetry (env OTEL_EXPORTER_OTLP_ENDPOINT or
                                      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL); without one no exporter is configured
          --no-build                  start the already built projects
          --dry-run                   check ports, write the state file with the planned URLs, and exit
          --health-timeout SECONDS    how long a resource may take to become healthy (default 120)
          --stop-timeout SECONDS      grace period between SIGTERM and kill on shutdown (default 10)
        """;

    public StoreKind Store { get; init; } = StoreKind.Auto;

    public int PortOffset { get; init; }

    public string? DataDirectory { get; init; }

    public string? StateFile { get; init; }

    public string? OtlpEndpoint { get; init; }

    public bool NoBuild { get; init; }

    public bool DryRun { get; init; }

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public StoreKind ResolveStoreKind() => Store switch
    {
        StoreKind.Auto => Executables.FindOnPath("redis-server") is null ? StoreKind.Garnet : StoreKind.Redis,
        var explicitKind => explicitKind,
    };

    // Throws ArgumentException with a message fit for the user on anything it does not understand.
    public static LaunchOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new LaunchOptions
        {
            Store = ParseStore(environment("SAMVERKAN_STORE") ?? "auto", "SAMVERKAN_STORE"),
            OtlpEndpoint = NullIfEmpty(environment("OTEL_EXPORTER_OTLP_ENDPOINT"))
                ?? NullIfEmpty(environment("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL")),
        };

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {name} needs a value.");

            options = name switch
            {
                "--store" => options with { Store = ParseStore(Value(), name) },
                "--port-offset" => options with { PortOffset = ParseInt(Value(), name, 0, 40000) },
                "--data-dir" => options with { DataDirectory = Path.GetFullPath(Value()) },
                "--state-file" => options with { StateFile = Path.GetFullPath(Value()) },
                "--otlp" => options with { OtlpEndpoint = Value() },
                "--no-build" => options with { NoBuild = true },
                "--dry-run" => options with { DryRun = true },
                "--health-timeout" => options with { HealthTimeout = TimeSpan.FromSeconds(ParseInt(Value(), name, 1, 3600)) },
                "--stop-timeout" => options with { StopTimeout = TimeSpan.FromSeconds(ParseInt(Value(), name, 0, 600)) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static StoreKind ParseStore(string value, string source) => value.ToLowerInvariant() switch
    {
        "auto" => StoreKind.Auto,
        "redis" => StoreKind.Redis,
        "garnet" => StoreKind.Garnet,
        _ => throw new ArgumentException($"{source} must be redis, garnet or auto, not '{value}'."),
    };

    private static int ParseInt(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
