using System.Net;
using System.Net.Sockets;

namespace Samverkan.TestSupport.Processes;

// The YARP gateway as a real process in front of one service: its gRPC and JSON endpoints on free
// ports, the service's address given by service discovery configuration. Add gateway settings
// (rate limits, timeouts) through 'extra'.
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private GatewayProcess(DotnetProcess process, Uri grpcAddress, Uri jsonAddress)
    {
        _process = process;
        GrpcAddress = grpcAddress;
        JsonAddress = jsonAddress;
    }

    public Uri GrpcAddress { get; }

    public Uri JsonAddress { get; }

    // For benchmarks that read the gateway's CPU time from /proc.
    public int ProcessId => _process.ProcessId;

    public static async Task<GatewayProcess> StartAsync(IEnumerable<KeyValuePair<string, string?>> identityEnvironment, string serviceName, Uri service,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var grpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var json = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var environment = new Dictionary<string, string?>(identityEnvironment)
        {
            [$"services__{serviceName}__http__0"] = service.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__http__Url"] = json.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__grpc__Url"] = grpc.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) environment[key] = value;
        return new GatewayProcess(await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), environment), grpc, json);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
