using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Bench;
using DischargeNoticesService = Samverkan.Contracts.Discharge.V1.DischargeNotices;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;

// Bounded load on loopback only, then it stops. Each operation runs directly against the service,
// through the gateway (shipped routes and policies), and through a gateway to a benchmark-only build
// that writes no access records, in interleaved rounds, so all paths see the same machine conditions.
//   bench/discharge/run.sh [notices per path and round = 500] [concurrency = 16] [fan-out samples = 200] [read seconds per round = 5] [rounds = 2]
var notices = args.Length > 0 ? int.Parse(args[0]) : 500;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var samples = args.Length > 2 ? int.Parse(args[2]) : 200;
var readDuration = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 5);
var rounds = args.Length > 4 ? int.Parse(args[4]) : 2;
const string WithoutAccessRecords = "via gateway, no access records";

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
var paths = new (string Name, DischargeNoticesService.DischargeNoticesClient Client)[]
{
    ("direct", new(directChannel)),
    ("via gateway", new(gatewayChannel)),
    (WithoutAccessRecords, new(unauditedChannel)),
};
var tokens = identity.CreateTokenClient();
var region = BenchCalls.Bearer((await tokens.GetSystemTokenAsync("region-dalarna")).AccessToken);
var falun = (await tokens.GetSystemTokenAsync("falun")).AccessToken;

Console.WriteLine($"DischargeNotices bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: store {store.Kind} (durable config), {Environment.ProcessorCount} cores, " +
    $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {concurrency} concurrent callers, {rounds} interleaved rounds per path.");
Console.WriteLine("A notice is 1 atomic commit (case, open-patient lock, indexes, 3 feed entries, 2 access records, idempotency key); " +
    "a read commits its access record before answering. Real tokens, h2c.");

var caseIds = new ConcurrentBag<string>();
foreach (var (_, client) in paths) await BenchCalls.SendNoticesAsync(client, region, 100, concurrency, caseIds); // warm-up

var writes = paths.ToDictionary(p => p.Name, _ => new List<PathResult>());
var reads = paths.ToDictionary(p => p.Name, _ => new List<PathResult>());
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, client) in paths) writes[name].Add(await BenchCalls.SendNoticesAsync(client, region, notices, concurrency, caseIds));
}
var readable = caseIds.ToArray();
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, client) in paths) reads[name].Add(await BenchCalls.ReadCasesAsync(client, region, readable, readDuration, concurrency));
}

Console.WriteLine();
Console.WriteLine("| operation | path | calls/s | p50 ms | p99 ms | errors |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
foreach (var (operation, byPath) in new[] { ("SendAdmissionNotice", writes), ("GetCase", reads) })
{
    foreach (var (name, measured) in byPath)
    {
        var pooled = PathResult.Pool(measured);
        Console.WriteLine($"| {operation} | {name} | {pooled.CallsPerSecond:N0} | {pooled.P50Ms:0.0} | {pooled.P99Ms:0.0} | {pooled.Errors} |");
    }
}
Console.WriteLine();
foreach (var (operation, byPath) in new[] { ("SendAdmissionNotice", writes), ("GetCase", reads) })
{
    var (direct, viaGateway, unrecorded) = (PathResult.Pool(byPath["direct"]), PathResult.Pool(byPath["via gateway"]), PathResult.Pool(byPath[WithoutAccessRecords]));
    Console.WriteLine($"gateway cost for {operation}: {1 - viaGateway.CallsPerSecond / direct.CallsPerSecond:P1} of direct throughput (target: at most 30%)");
    Console.WriteLine($"audit logging cost for {operation} through the gateway: {1 - viaGateway.CallsPerSecond / unrecorded.CallsPerSecond:P1} of throughput, " +
        $"p50 {viaGateway.P50Ms - unrecorded.P50Ms:+0.00;-0.00} ms, p99 {viaGateway.P99Ms - unrecorded.P99Ms:+0.0;-0.0} ms");
}

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
