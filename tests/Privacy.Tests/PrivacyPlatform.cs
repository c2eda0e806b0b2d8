using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using Samverkan.TestSupport.Telemetry;

namespace Samverkan.Privacy.Tests;

// The discharge flow's processes as the platform runs them - store, identity server, access log,
// the discharge service and the gateway in front of it - each exporting traces, logs and metrics
// to an in-test OTLP receiver, with their console output kept too.
public sealed class PrivacyPlatform : IAsyncLifetime
{
    private static readonly string PersonReferenceKey = Convert.ToBase64String("privacy-tests-person-reference-key!"u8);
    private readonly List<(string Name, DotnetProcess Process)> _processes = [];

    public OtlpReceiver Telemetry { get; private set; } = null!;
    public StoreServer Store { get; private set; } = null!;
    public IdentityServer Identity { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public Uri JsonAddress { get; private set; } = null!;

    // Every process's console output (the store's own server excepted), by name.
    public IEnumerable<(string Name, string Output)> Outputs =>
        _processes.Select(p => (p.Name, p.Process.Output)).Append(("identity", Identity.Output));

    // Where a started process listens (its h2c or HTTP port: /health and /metrics are served there).
    public Uri AddressOf(string name) => name == "identity" ? Identity.BaseAddress : _processes.Single(p => p.Name == name).Process.Address;

    public IReadOnlyList<string> ServiceNames => ["identity", "access-log", "discharge-notices", "gateway"];

    public async Task InitializeAsync()
    {
        Telemetry = await OtlpReceiver.StartAsync();
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        Identity = await IdentityServer.StartAsync(new IdentityServerSettings { Environment = Exporting("identity") });

        var service = await StartAsync("discharge-notices", "DischargeNotices", new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["AccessLogging__PersonReferenceKey"] = PersonReferenceKey,
        });
        await StartAsync("access-log", "AccessLog", new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["AccessLogging__PersonReferenceKey"] = PersonReferenceKey,
        });

        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        JsonAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        await StartAsync("gateway", "Gateway", new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["services__discharge-notices__http__0"] = service.Address.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__http__Url"] = JsonAddress.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__grpc__Url"] = grpc.ToString().TrimEnd('/'),
            // Hundreds of refused calls in a few seconds: not what this test is about.
            ["Gateway__RateLimiting__PerClient__TokenLimit"] = "100000",
            ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "100000",
            ["Gateway__RateLimiting__PerIp__TokenLimit"] = "100000",
            ["Gateway__RateLimiting__PerIp__TokensPerPeriod"] = "100000",
        });
        Channel = GrpcChannel.ForAddress(grpc);
    }

    public HttpClient CreateJsonClient(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = JsonAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        foreach (var (_, process) in Enumerable.Reverse(_processes)) await process.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        if (Telemetry is not null) await Telemetry.DisposeAsync();
    }

    private async Task<DotnetProcess> StartAsync(string name, string project, Dictionary<string, string?> environment)
    {
        foreach (var (key, value) in Exporting(name)) environment[key] = value;
        var process = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll(project), environment);
        _processes.Add((name, process));
        return process;
    }

    // OTLP/gRPC to the receiver, exported within a fraction of a second (the processes are
    // killed at the end, so nothing may wait for a shutdown flush).
    private IDictionary<string, string?> Exporting(string serviceName) => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.EndpointUrl,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        ["OTEL_SERVICE_NAME"] = serviceName,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
