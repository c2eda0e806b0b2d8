using System.Collections.Concurrent;
using Grpc.Net.Client;
using Samverkan.DischargeNotices.Bench;
using DischargeNoticesService = Samverkan.Contracts.Discharge.V1.DischargeNotices;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;

// Bounded load on loopback only, then it stops. Each operation runs directly against the service,
// through the gateway (shipped routes and policies), and through a gateway to a benchmark-only build
// that writes no access records, in interleaved rounds, so all paths see the same machine conditions.
// Each CPU layout (BenchLayout) is measured in turn.
//   bench/discharge/run.sh [notices per path and round = 500] [concurrency = 16] [fan-out samples = 200]
//                          [read seconds per round = 5] [rounds = 2] [layouts = shared,isolated]
var notices = args.Length > 0 ? int.Parse(args[0]) : 500;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var samples = args.Length > 2 ? int.Parse(args[2]) : 200;
var readDuration = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 5);
var rounds = args.Length > 4 ? int.Parse(args[4]) : 2;
var layouts = (args.Length > 5 ? args[5] : "shared,isolated").Split(',').Select(BenchLayout.Parse).ToList();

await using var store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
await using var identity = await IdentityServer.StartAsync();
var environment = new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["ConnectionStrings__store"] = store.ConnectionString,
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Discharge__DeadlineMonitorInterval"] = "00:10:00",
    ["AccessLogging__PersonReferenceKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
};
await using var service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("DischargeNotices"), environment);
await using var gateway = await StartGatewayAsync(service.Address);
// The same service built without writing access records (bench/discharge/run.sh builds it), behind a
// gateway of its own and on the same store: the difference to "via gateway" is what audit logging
// costs a caller.
await using var unaudited = await DotnetProcess.StartAsync(
    Path.Combine(RepositoryPaths.Root, "src/DischargeNotices/bin/bench-without-access-records/Samverkan.DischargeNotices.dll"), environment);
await using var unauditedGateway = await StartGatewayAsync(unaudited.Address);

using var directChannel = GrpcChannel.ForAddress(service.Address);
using var gatewayChannel = GrpcChannel.ForAddress(gateway.Address);
using var unauditedChannel = GrpcChannel.ForAddress(unauditedGateway.Address);
BenchPath[] paths =
[
    new(BenchPath.Direct, new(directChannel), Gateway: null, Service: "service"),
    new(BenchPath.ViaGateway, new(gatewayChannel), Gateway: "gateway", Service: "service"),
    new(BenchPath.WithoutAccessRecords, new(unauditedChannel), Gateway: "unaudited gateway", Service: "unaudited service"),
];
var processes = new Dictionary<string, int>
{
    ["client"] = Environment.ProcessId,
    ["store"] = store.ProcessId ?? throw new InvalidOperationException("The store is not running."),
    ["identity"] = identity.ProcessId,
    ["service"] = service.ProcessId,
    ["unaudited service"] = unaudited.ProcessId,
    ["gateway"] = gateway.ProcessId,
    ["unaudited gateway"] = unauditedGateway.ProcessId,
};
var cpu = new ProcessCpu(processes);
var tokens = identity.CreateTokenClient();
var region = BenchCalls.Bearer((await tokens.GetSystemTokenAsync("region-dalarna")).AccessToken);
var falun = (await tokens.GetSystemTokenAsync("falun")).AccessToken;

Console.WriteLine($"DischargeNotices bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: store {store.Kind} (durable config), {Environment.ProcessorCount} cores, " +
    $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {concurrency} concurrent callers, {rounds} interleaved rounds per path.");
Console.WriteLine("A notice is 1 atomic commit (case, open-patient lock, indexes, 3 feed entries, 2 access records, idempotency key); " +
    "a read commits its access record before answering. Real tokens, h2c.");

var caseIds = new ConcurrentBag<string>();
foreach (var path in paths) await BenchCalls.SendNoticesAsync(path.Client, region, 100, concurrency, caseIds); // warm-up

foreach (var layout in layouts)
{
    if (!layout.TryApply(processes, gatewayProcesses: ["gateway", "unaudited gateway"]))
    {
        Console.WriteLine($"\n{layout.Name} layout skipped: needs Linux, taskset and at least 2 CPUs");
        continue;
    }
    var measured = new LayoutResults(paths);
    for (var round = 0; round < rounds; round++)
    {
        foreach (var path in paths)
        {
            var before = cpu.Snapshot();
            measured.Writes[path.Name].Add(await BenchCalls.SendNoticesAsync(path.Client, region, notices, concurrency, caseIds));
            measured.WriteCpu[path.Name].Add(ProcessCpu.Spent(before, cpu.Snapshot()));
        }
    }
    var readable = caseIds.ToArray();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var path in paths)
        {
            var before = cpu.Snapshot();
            measured.Reads[path.Name].Add(await BenchCalls.ReadCasesAsync(path.Client, region, readable, readDuration, concurrency));
            measured.ReadCpu[path.Name].Add(ProcessCpu.Spent(before, cpu.Snapshot()));
        }
    }
    measured.Print(layout);
}
BenchLayout.Shared.TryApply(processes, gatewayProcesses: []);

// Fan-out through the gateway, as deployed: the region's system sends, Falun's system is subscribed.
var fanOut = await BenchCalls.FanOutAsync(paths[1].Client, region, falun, head: 2L * caseIds.Count, samples);
Console.WriteLine();
Console.WriteLine(fanOut);
return fanOut.Missing == 0 ? 0 : 1;

// The gateway (shipped routes and policies) in front of one discharge service.
Task<DotnetProcess> StartGatewayAsync(Uri discharge) => DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    ["Kestrel__Endpoints__grpc__Url"] = "http://127.0.0.1:0",
    ["services__discharge-notices__http__0"] = discharge.ToString().TrimEnd('/'),
    // The shipped per-client limit (100 calls/s) would measure the limiter, not the path.
    ["Gateway__RateLimiting__PerClient__TokenLimit"] = "100000000",
    ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "100000000",
});
