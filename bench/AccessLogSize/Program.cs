using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Collection;
using Samverkan.AccessLog.Directory;
using Samverkan.AccessLogging;
using Samverkan.Bench.AccessLogSize;
using Samverkan.Store;
using Samverkan.Store.Consumers;
using Samverkan.Store.Redis;
using StackExchange.Redis;

// Writes N access records into a producer's audit channel, chains them with the access log's
// collector, removes the producer channel and reports what the {access-log} keyspace costs.
var count = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
const int ProduceBatch = 500;
const int CollectBatch = 200;

await using var redis = await RedisProcess.StartAsync();
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:store"] = redis.ConnectionString,
    ["AccessLogging:PersonReferenceKey"] = "c2FtdmVya2FuLXRlc3Qta2V5LW9mLWF0LWxlYXN0LTMyLWJ5dGVz",
    ["AccessLog:Sources:0"] = "discharge",
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.AddDocumentStore("access-log");
builder.AddAccessLogging();
builder.AddAccessLogServices();
using var host = builder.Build(); // not started: the collector is driven below, batch by batch

var connection = host.Services.GetRequiredService<IConnectionMultiplexer>();
var db = connection.GetDatabase();
var server = connection.GetServer(connection.GetEndPoints()[0]);
var producer = new RedisDocumentStore(connection, new StoreKeyspace("discharge"));
var reader = host.Services.GetRequiredService<IChannelReader>();
var collector = host.Services.GetRequiredService<AccessRecordCollector>();
var source = new ChannelAddress("discharge", AccessLogChannel.Name);
var generator = new RecordGenerator(host.Services.GetRequiredService<UnitDirectory>(), seed: 1);

long Used() => long.Parse(server.Info("memory").SelectMany(g => g).First(p => p.Key == "used_memory").Value);
var baseline = Used();
var start = DateTimeOffset.UtcNow.AddYears(-1);
var timer = Stopwatch.StartNew();
long recordBytes = 0;
for (var produced = 0; produced < count;)
{
    var work = new UnitOfWork();
    for (var i = 0; i < ProduceBatch && produced < count; i++, produced++)
    {
        var record = generator.Next(start.AddSeconds(produced * 30.0));
        recordBytes += record.Length;
        work.Append(AccessLogChannel.Name, record);
    }
    await producer.CommitAsync(work);

    // Chain what is there, then drop it from the producer (as its trimming would; positions stay absolute).
    var position = await reader.GetConsumerPositionAsync(source, "access-log");
    while (true)
    {
        var entries = await reader.ReadAsync(source, position, CollectBatch);
        if (entries.Count == 0) break;
        await collector.CollectAsync(new ChannelBatch(source, "access-log", position, entries), CancellationToken.None);
        position = entries[^1].Position;
    }
    await db.KeyDeleteAsync(["{discharge}:ch:audit"]);
    await db.StringSetAsync("{discharge}:ch:audit:base", position);
    if (produced % 100_000 == 0) Console.WriteLine($"{produced,9} records chained, {timer.Elapsed:mm\\:ss}");
}
var chainingTime = timer.Elapsed;

// What each kind of key costs (MEMORY USAGE, all samples).
var sizes = new Dictionary<string, (long Keys, long Bytes)>();
await foreach (var key in server.KeysAsync(pattern: "{access-log}:*", pageSize: 1000))
{
    var name = (string)key!;
    var kind = name.Split(':') switch
    {
        [_, "ch", ..] => "chain list",
        [_, "doc", ..] => "head document",
        [_, "idx", var index, ..] => $"index {index}",
        [_, "idem", ..] => "record-id claims (expire)",
        [_, "pos", ..] => "consumer position",
        _ => "other",
    };
    var bytes = (long)await db.ExecuteAsync("MEMORY", "USAGE", name, "SAMPLES", "0");
    sizes[kind] = sizes.TryGetValue(kind, out var s) ? (s.Keys + 1, s.Bytes + bytes) : (1, bytes);
}

var used = Used() - baseline;
var aofBeforeRewrite = redis.AofBytes();
await server.ExecuteAsync("BGREWRITEAOF");
while (server.Info("persistence").SelectMany(g => g).First(p => p.Key == "aof_rewrite_in_progress").Value != "0"
       || server.Info("persistence").SelectMany(g => g).First(p => p.Key == "aof_rewrite_scheduled").Value != "0")
{
    await Task.Delay(200);
}
await Task.Delay(500);
var aofAfterRewrite = redis.AofBytes();

var (head, _) = await host.Services.GetRequiredService<ChainStore>().GetHeadAsync(CancellationToken.None);
double PerMillion(long bytes) => bytes * 1_000_000.0 / count / (1024 * 1024);
Console.WriteLine($"records: {count:N0}; chain head {head.Sequence:N0}; chaining took {chainingTime:hh\\:mm\\:ss} ({count / chainingTime.TotalSeconds:N0} records/s, batches of {CollectBatch})");
Console.WriteLine($"average record size: {recordBytes / (double)count:N0} bytes (protobuf)");
Console.WriteLine($"used_memory growth: {used / 1048576.0:N1} MiB = {PerMillion(used):N0} MiB per million records");
foreach (var (kind, (keys, bytes)) in sizes.OrderByDescending(s => s.Value.Bytes))
{
    Console.WriteLine($"  {kind,-28} {keys,9:N0} keys {bytes / 1048576.0,10:N1} MiB  ({PerMillion(bytes),7:N0} MiB per million)");
}
Console.WriteLine($"AOF before rewrite: {aofBeforeRewrite / 1048576.0:N1} MiB ({PerMillion(aofBeforeRewrite):N0} MiB per million; includes the producer channel's writes and deletes)");
Console.WriteLine($"AOF after BGREWRITEAOF (RDB preamble): {aofAfterRewrite / 1048576.0:N1} MiB ({PerMillion(aofAfterRewrite):N0} MiB per million)");
