using Google.Protobuf;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Samverkan.AccessLog.Tests.Integration;

// A change without its access record cannot happen: a writer commits change + record units of
// work as fast as it can while the store is SIGKILLed and restarted, and while its connections are
// cut mid-stream. Afterwards every stored change has exactly one record and every record its change.
public sealed class AuditAtomicityTests(ITestOutputHelper output)
{
    [StoreFact]
    public async Task A_change_and_its_access_record_are_stored_together_or_not_at_all_across_crashes()
    {
        await using var server = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        var options = ConfigurationOptions.Parse(server.ConnectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        await using var writerConnection = await ConnectionMultiplexer.ConnectAsync(options);
        var store = new RedisDocumentStore(writerConnection, new StoreKeyspace("discharge"));

        using var stop = new CancellationTokenSource();
        var committed = 0;
        var failed = 0;
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var caseId = $"case-{i}";
                var record = TestRecords.Access();
                record.Resource = "discharge-case/" + caseId;
                var work = new UnitOfWork().Put("case", caseId, record.RecordIdBytes(), expectedVersion: 0);
                AccessRecorder.RecordIn(work, record);
                try
                {
                    if (await store.CommitAsync(work) is Committed) Interlocked.Increment(ref committed);
                }
                catch (Exception)
                {
                    // Outcome unknown (the store died or the connection was cut): either both
                    // were written or neither; the check at the end tells which.
                    Interlocked.Increment(ref failed);
                    await Task.Delay(20);
                }
            }
        });

        for (var round = 0; round < 3; round++)
        {
            await WaitForAsync(() => Volatile.Read(ref committed) >= (round + 1) * 150);
            await server.KillAsync();
            await Task.Delay(300);
            await server.StartAsync();

            await WaitForAsync(() => Volatile.Read(ref committed) >= (round + 1) * 150 + 75);
            await using var admin = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
            // Cuts the writer's connection wherever it is, possibly between MULTI and EXEC.
            await admin.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
        }
        await WaitForAsync(() => Volatile.Read(ref committed) >= 600);
        stop.Cancel();
        await writer;

        await using var check = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = check.GetDatabase();
        var changes = new HashSet<string>();
        await foreach (var key in check.GetServer(check.GetEndPoints()[0]).KeysAsync(pattern: "{discharge}:doc:case:*"))
        {
            changes.Add(((string)key!)["{discharge}:doc:case:".Length..]);
        }
        var records = (await db.ListRangeAsync("{discharge}:ch:audit"))
            .Select(v => AccessRecord.Parser.ParseFrom((byte[])v!).Resource["discharge-case/".Length..])
            .ToList();

        output.WriteLine($"committed {committed}, failed or unknown {failed}, changes {changes.Count}, records {records.Count}");
        Assert.True(failed > 0, "The crashes should have interrupted some commits.");
        Assert.Equal(records.Count, records.Distinct().Count());
        Assert.Equal(changes.Order(), records.Order());
        Assert.True(changes.Count >= committed);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The writer made no progress.");
            await Task.Delay(10);
        }
    }
}

internal static class RecordBytes
{
    // The change document's content: anything; the record id ties it to its record for the test.
    public static byte[] RecordIdBytes(this AccessRecord record) => System.Text.Encoding.ASCII.GetBytes(record.RecordId);
}
