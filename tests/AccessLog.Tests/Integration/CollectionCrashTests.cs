using Google.Protobuf;
using Microsoft.Extensions.Hosting;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Storage;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Samverkan.AccessLog.Tests.Integration;

// Collection is exactly-once: producers keep writing, the store is SIGKILLed and the access log
// restarted mid-stream; in the end every record is in the chain exactly once, in one intact chain.
public sealed class CollectionCrashTests(ITestOutputHelper output)
{
    private const int Records = 1200;

    [StoreFact]
    public async Task Every_record_is_chained_exactly_once_through_store_crashes_and_restarts()
    {
        await using var server = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        var options = ConfigurationOptions.Parse(server.ConnectionString);
        options.AbortOnConnectFail = false;
        options.AsyncTimeout = 2000;
        await using var producers = await ConnectionMultiplexer.ConnectAsync(options);
        var expected = new HashSet<string>();

        var produce = Task.WhenAll(
            ProduceAsync(new RedisDocumentStore(producers, new StoreKeyspace("discharge")), Records / 2, expected),
            ProduceAsync(new RedisDocumentStore(producers, new StoreKeyspace("sip")), Records / 2, expected));

        var host = AccessLogHost.Build(server.ConnectionString, "discharge", "sip");
        await host.StartAsync();
        try
        {
            for (var round = 0; round < 2; round++)
            {
                await WaitForHeadAsync(host.Get<ChainStore>(), (round + 1) * Records / 4);
                await server.KillAsync();
                await Task.Delay(500);
                await server.StartAsync();

                // A restart of the access log itself: positions come back from the store.
                await host.StopAsync();
                host.Dispose();
                host = AccessLogHost.Build(server.ConnectionString, "discharge", "sip");
                await host.StartAsync();
            }
            await produce;
            await WaitForHeadAsync(host.Get<ChainStore>(), Records);
            await Task.Delay(1000); // nothing more may arrive

            var db = producers.GetDatabase();
            var chained = (await db.ListRangeAsync("{access-log}:ch:chain"))
                .Select(v => AccessRecord.Parser.ParseFrom(ChainEntry.Parser.ParseFrom((byte[])v!).Record).RecordId)
                .ToList();
            var produced = await db.ListLengthAsync("{discharge}:ch:audit") + await db.ListLengthAsync("{sip}:ch:audit");
            output.WriteLine($"records {Records}, source entries {produced} (retries after lost replies), chained {chained.Count}");

            Assert.Equal(Records, chained.Count);
            Assert.Equal(expected.Order(), chained.Order());
            Assert.True((await host.Get<ChainVerification>().VerifyAsync(0, 0, [], default)).Intact);
            var reader = host.Get<IChannelReader>();
            Assert.Equal(await reader.HeadAsync(new ChannelAddress("discharge", AccessLogChannel.Name)),
                await reader.GetConsumerPositionAsync(new ChannelAddress("discharge", AccessLogChannel.Name), "access-log"));
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    // Writes records one commit each; a commit whose outcome is unknown is retried with the same
    // record (as a service would retry), so the channel may hold it twice.
    private static async Task ProduceAsync(IDocumentStore store, int count, HashSet<string> expected)
    {
        for (var i = 0; i < count; i++)
        {
            var record = TestRecords.Access(at: DateTimeOffset.UtcNow);
            lock (expected) expected.Add(record.RecordId);
            while (true)
            {
                try
                {
                    if (await store.CommitAsync(AccessRecorder.RecordIn(new UnitOfWork(), record)) is Committed) break;
                }
                catch (Exception)
                {
                    await Task.Delay(50);
                }
            }
            if (i % 20 == 0) await Task.Delay(5);
        }
    }

    private static async Task WaitForHeadAsync(ChainStore chain, long sequence)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await chain.GetHeadAsync(default)).Head.Sequence >= sequence) return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // The store is restarting.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The chain did not reach {sequence}.");
            await Task.Delay(50);
        }
    }
}
