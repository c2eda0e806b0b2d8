using System.Diagnostics;
using Samverkan.Bench.StoreCommits;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

// Durable commits per second of the store building block at growing numbers of concurrent callers
// in one process, on redis-server (deploy/redis/redis.conf: appendfsync always) and on the embedded
// Garnet (AOF with commit-wait), each cell on a fresh server. First the ceiling: redis-benchmark SET
// of the same size with the same durability.
// Usage: StoreCommits [--stores redis,garnet] [--callers 1,16,64,256] [--workloads notice,update,read+record]
//                     [--seconds 8] [--warmup 2] [--commit-connections N] [--no-ceiling]
var options = BenchArguments.Parse(args);
var storeOptions = new DocumentStoreOptions();
if (options.CommitConnections is { } connections)
{
    storeOptions.CommitConnections = connections;
}

Console.WriteLine($"{Environment.ProcessorCount} cores, {options.Seconds} s per cell after {options.Warmup} s warm-up, " +
                  $"Store:CommitConnections = {storeOptions.CommitConnections}, load average at start: {LoadAverage()}");
foreach (var kind in options.Stores)
{
    if (StoreServer.UnavailableReason(kind) is { } reason)
    {
        Console.WriteLine($"\n## {kind}: skipped ({reason})");
        continue;
    }
    Console.WriteLine($"\n## {kind}");
    if (options.Ceiling)
    {
        await using var server = await StoreServer.StartNewAsync(kind);
        Console.WriteLine($"ceiling: {Ceiling.Command(server.Port, clients: 0, requests: 0).Replace("-c 0 -n 0", "-c <callers> -n <n>")}");
        foreach (var callers in options.Callers)
        {
            var sets = await Ceiling.SetsPerSecondAsync(server.Port, callers, callers == 1 ? 2_000 : 20_000);
            Console.WriteLine($"  SET, {callers,3} clients: {(sets is { } s ? $"{s,8:0} /s" : "redis-benchmark not installed")}");
        }
    }

    foreach (var workload in options.Workloads)
    {
        Console.WriteLine($"\n{kind}, {workload}: {Workloads.Describe(workload)}");
        Console.WriteLine($"| callers | commits/s | p50 ms | p99 ms | refused | failed | CPU µs/op bench | CPU µs/op store | load avg |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var callers in options.Callers)
        {
            await using var server = await StoreServer.StartNewAsync(kind);
            await using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
            await using var store = new RedisDocumentStore(connection, new StoreKeyspace("discharge"), storeOptions);
            using var storeProcess = Process.GetProcessById(server.ProcessId!.Value);
            var result = await LoadRun.RunAsync(callers, options.Warmup, options.Seconds,
                caller => Workloads.ForCaller(workload, store, caller), storeProcess);
            Console.WriteLine($"| {callers} | {result.PerSecond:0} | {result.P50Ms:0.0} | {result.P99Ms:0.0} | {result.Refused} | {result.Failed} " +
                              $"| {result.BenchCpuUsPerOp:0} | {result.StoreCpuUsPerOp:0} | {LoadAverage()} |");
        }
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
