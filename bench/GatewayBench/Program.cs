using System.Globalization;
using System.Runtime.InteropServices;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.GatewayBench;
using Samverkan.GatewayBench.Protos;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;

// dotnet run -c Release --project bench/GatewayBench -- [--concurrency 32] [--duration 10] [--warmup 10] [--rounds 3]
//     [--layouts shared,isolated]
//     [--gateway-env KEY=VALUE ...]   (extra gateway settings for experiments, e.g. OTEL_SDK_DISABLED=true)
//     [--variant-env KEY=VALUE ...]   (starts a second gateway with these settings on top, measured as a fourth target)
var concurrency = Option("--concurrency", 32);
var duration = TimeSpan.FromSeconds(Option("--duration", 10));
var warmup = TimeSpan.FromSeconds(Option("--warmup", 10));
var rounds = Option("--rounds", 3);
var layouts = OptionList("--layouts", ["shared", "isolated"]);

Console.WriteLine($"GatewayBench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, {CpuModel()}, " +
    $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"load average at start: {LoadAverage()}");
Console.WriteLine($"unary calls, concurrency {concurrency}, {duration.TotalSeconds:0} s per target per round after {warmup.TotalSeconds:0} s warm-up, {rounds} rounds, loopback h2c");

await using var identity = await IdentityServer.StartAsync();
var token = (await identity.CreateTokenClient().GetSystemTokenAsync("falun")).AccessToken;
var bearer = new Metadata { { "authorization", $"Bearer {token}" } };

var bare = await BenchServers.StartBareEchoAsync();
var service = await BenchServers.StartPlatformServiceAsync(identity.ServiceEnvironment);
var gatewaySettings = new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    ["Kestrel__Endpoints__grpc__Url"] = "http://127.0.0.1:0",
    ["services__bench__http__0"] = BenchServers.AddressOf(service).ToString().TrimEnd('/'),
    ["ReverseProxy__Routes__bench__ClusterId"] = "bench",
    ["ReverseProxy__Routes__bench__AuthorizationPolicy"] = "sip-plans-caller",
    ["ReverseProxy__Routes__bench__RateLimiterPolicy"] = "per-client",
    ["ReverseProxy__Routes__bench__Timeout"] = "00:00:30",
    ["ReverseProxy__Routes__bench__Match__Path"] = "/samverkan.bench.v1.Echo/{**method}",
    ["ReverseProxy__Clusters__bench__HttpRequest__Version"] = "2",
    ["ReverseProxy__Clusters__bench__HttpRequest__VersionPolicy"] = "RequestVersionExact",
    ["ReverseProxy__Clusters__bench__HttpRequest__ActivityTimeout"] = "01:00:00",
    ["ReverseProxy__Clusters__bench__Destinations__bench__Address"] = "http://bench",
    // The benchmark measures the proxy path, not the limiter's refusals.
    ["Gateway__RateLimiting__PerClient__TokenLimit"] = "100000000",
    ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "100000000",
};
var variantSettings = new Dictionary<string, string?>(gatewaySettings);
foreach (var (key, value) in Settings("--gateway-env")) gatewaySettings[key] = variantSettings[key] = value;
var variantOnly = Settings("--variant-env").ToList();
foreach (var (key, value) in variantOnly) variantSettings[key] = value;
await using var gateway = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), gatewaySettings);
// An optional second gateway with different settings, measured in the same interleaved rounds,
// so an experiment is compared under the same machine conditions.
await using var variant = variantOnly.Count > 0 ? await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), variantSettings) : null;

using var gatewayProcess = System.Diagnostics.Process.GetProcessById(gateway.ProcessId);
using var variantProcess = variant is null ? null : System.Diagnostics.Process.GetProcessById(variant.ProcessId);
var targets = new List<(string Name, Uri Address, Metadata? Headers, System.Diagnostics.Process Gateway)>
{
    ("bare gRPC echo (ceiling)", BenchServers.AddressOf(bare), null, gatewayProcess),
    ("service, direct", BenchServers.AddressOf(service), bearer, gatewayProcess),
    ("service via gateway", gateway.Address, bearer, gatewayProcess),
};
if (variant is not null) targets.Add(("service via gateway (variant)", variant.Address, bearer, variantProcess!));

Console.WriteLine($"gateway pid {gateway.ProcessId}" + (variant is null ? "" : $", variant pid {variant.ProcessId}"));
using var channels = new ChannelSet();
foreach (var (name, address, headers, process) in targets)
{
    var client = new Echo.EchoClient(channels.For(address));
    await client.SayAsync(new EchoRequest { Message = "check" }, headers); // fails fast if a target is miswired
    await LoadRunner.RunAsync(name, client, headers, concurrency, warmup, process);
}

// "shared": everything competes for all cores (a gateway co-located with its services).
// "isolated": the bench process (load generator + services) on CPU 0, the gateway alone on CPU 1,
// as when the gateway runs on its own node or pod: the direct case gets CPU 0 only.
foreach (var layout in layouts)
{
    if (layout == "isolated")
    {
        if (!CpuAffinity.IsAvailable)
        {
            Console.WriteLine("isolated layout skipped: needs Linux, taskset and at least 2 CPUs");
            continue;
        }
        CpuAffinity.Pin(Environment.ProcessId, "0");
        CpuAffinity.Pin(gateway.ProcessId, "1");
        if (variant is not null) CpuAffinity.Pin(variant.ProcessId, "1");
        foreach (var (name, address, headers, process) in targets)
        {
            await LoadRunner.RunAsync(name, new Echo.EchoClient(channels.For(address)), headers, concurrency, duration, process);
        }
    }

    Console.WriteLine();
    Console.WriteLine($"layout {layout}:");
    var results = targets.ToDictionary(t => t.Name, _ => new List<LoadResult>());
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var (name, address, headers, process) in targets)
        {
            var result = await LoadRunner.RunAsync(name, new Echo.EchoClient(channels.For(address)), headers, concurrency, duration, process);
            results[name].Add(result);
            Console.WriteLine($"  round {round}: {name,-26} {result.CallsPerSecond,9:N0} calls/s  p50 {result.P50Ms,6:0.00} ms  p99 {result.P99Ms,6:0.00} ms  " +
                $"cpu/call bench {result.BenchCpuMicrosPerCall,5:0} us gateway {result.GatewayCpuMicrosPerCall,5:0} us  errors {result.Errors}  load {LoadAverage()}");
        }
    }
    Report(layout, results);
}

await bare.StopAsync();
await service.StopAsync();

static void Report(string layout, Dictionary<string, List<LoadResult>> results)
{
    Console.WriteLine();
    Console.WriteLine($"Layout: {layout} (median round by throughput)");
    Console.WriteLine("| target | calls/s | p50 ms | p99 ms | CPU µs/call, bench process | CPU µs/call, gateway | errors |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    var medians = new Dictionary<string, LoadResult>();
    foreach (var (name, runs) in results)
    {
        var median = runs.OrderBy(r => r.CallsPerSecond).ElementAt(runs.Count / 2);
        medians[name] = median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {median.CallsPerSecond:N0} | {median.P50Ms:0.00} | {median.P99Ms:0.00} | {median.BenchCpuMicrosPerCall:0} | {median.GatewayCpuMicrosPerCall:0} | {runs.Sum(r => r.Errors)} |"));
    }
    var direct = medians["service, direct"].CallsPerSecond;
    Console.WriteLine();
    foreach (var gatewayTarget in medians.Keys.Where(k => k.StartsWith("service via gateway", StringComparison.Ordinal)))
    {
        var cost = 1 - medians[gatewayTarget].CallsPerSecond / direct;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Gateway cost ({layout}, {gatewayTarget}): {cost:P1} of direct throughput (target: at most 30%) -> {(cost <= 0.30 ? "MET" : "NOT MET")}"));
    }
}

string[] OptionList(string name, string[] fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : fallback;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

IEnumerable<KeyValuePair<string, string?>> Settings(string option)
{
    for (var i = 0; i < args.Length - 1; i++)
    {
        if (args[i] == option && args[i + 1].Split('=', 2) is [var key, var value])
        {
            Console.WriteLine($"{option} {key}={value}");
            yield return new(key, value);
        }
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string CpuModel()
{
    const string cpuinfo = "/proc/cpuinfo";
    if (!File.Exists(cpuinfo)) return RuntimeInformation.ProcessArchitecture.ToString();
    var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
    return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
}
