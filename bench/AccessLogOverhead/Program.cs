using System.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Samverkan.AccessLogging;
using Samverkan.Bench.AccessLogSize;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;
using Samverkan.Store.Redis;
using StackExchange.Redis;

// Latency of a service's store operations with and without their access records, sequential and
// with 16 concurrent callers. The store runs with appendfsync always, as deploy/redis/redis.conf.
var operations = args.Length > 0 ? int.Parse(args[0]) : 2000;
await using var redis = await RedisProcess.StartAsync(fsyncAlways: true);
await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
var store = new RedisDocumentStore(connection, new StoreKeyspace("discharge"));
var recorder = new AccessRecorder(store,
    new PersonReferences(Options.Create(new AccessLoggingOptions { PersonReferenceKey = Convert.ToBase64String(new byte[32]) })),
    TimeProvider.System, new HostingEnvironment { ApplicationName = "discharge-notices" });
var caller = new CallerIdentity("0f8e6c1a-0000-4000-8000-000000000001", "anna.lind", "staff-portal", false, "falun", "2080",
    OrganisationKind.Municipality, "2080-soc", new HashSet<string> { PlatformRoles.DischargeReceiver });
var document = new byte[600];
Random.Shared.NextBytes(document);
var counter = 0;

AccessRecord Record(string id) => recorder.Create(caller, AccessAction.Change, "191212121212", false, "discharge-planning", "discharge-case/" + id);

async Task ChangeAsync(bool withRecord)
{
    var id = $"case-{Interlocked.Increment(ref counter)}";
    var work = new UnitOfWork().Put("case", id, document, 0);
    if (withRecord) AccessRecorder.RecordIn(work, Record(id));
    if (await store.CommitAsync(work) is not Committed) throw new InvalidOperationException("commit failed");
}

async Task ReadAsync(bool withRecord)
{
    var id = $"case-{Random.Shared.Next(1, Math.Max(2, counter))}";
    if (withRecord) await recorder.RecordReadsAsync([Record(id)], CancellationToken.None);
    _ = await store.GetAsync("case", id);
}

Console.WriteLine($"redis-server {connection.GetServer(connection.GetEndPoints()[0]).Version}, appendfsync always, {operations} operations per case, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"case",-34} {"callers",7} {"p50 ms",8} {"p99 ms",8} {"ops/s",8}");
foreach (var concurrency in new[] { 1, 16 })
{
    foreach (var (name, operation) in new (string, Func<Task>)[]
             {
                 ("change without record", () => ChangeAsync(false)),
                 ("change + record (one commit)", () => ChangeAsync(true)),
                 ("read without record", () => ReadAsync(false)),
                 ("read + record committed first", () => ReadAsync(true)),
             })
    {
        for (var i = 0; i < 200; i++) await operation(); // warm-up
        var latencies = new List<double>(operations);
        var total = Stopwatch.StartNew();
        var remaining = operations;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var watch = Stopwatch.StartNew();
                await operation();
                lock (latencies) latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        total.Stop();
        latencies.Sort();
        Console.WriteLine($"{name,-34} {concurrency,7} {latencies[latencies.Count / 2],8:N2} {latencies[(int)(latencies.Count * 0.99)],8:N2} {operations / total.Elapsed.TotalSeconds,8:N0}");
    }
}
