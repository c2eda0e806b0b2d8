using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.AccessLogging;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.AccessLog.Tests.Integration;

// No access without a trace: when the access record of a read cannot be committed, the read fails.
public sealed class ReadWithoutRecordTests
{
    [StoreFact]
    public async Task Recording_a_read_fails_while_the_store_is_down_and_succeeds_after()
    {
        await using var server = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        var options = ConfigurationOptions.Parse(server.ConnectionString);
        options.AbortOnConnectFail = false;
        options.AsyncTimeout = 1000;
        options.SyncTimeout = 1000;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var store = new RedisDocumentStore(connection, new StoreKeyspace("discharge"));
        var recorder = new AccessRecorder(store,
            new PersonReferences(Microsoft.Extensions.Options.Options.Create(new AccessLoggingOptions { PersonReferenceKey = AccessLogParts.TestKey })),
            TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new AccessLoggingOptions { ServiceName = "discharge-notices" }));
        var caller = TestRecords.Caller("2080", "2080-soc", PlatformRoles.DischargeReceiver);
        var record = recorder.Create(caller, Contracts.Audit.V1.AccessAction.Read, "191212121212", false, "discharge-planning", "discharge-case/1");

        await server.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => recorder.RecordReadsAsync([record], CancellationToken.None));

        await server.StartAsync();
        await WaitConnectedAsync(connection);
        await recorder.RecordReadsAsync([record], CancellationToken.None);
        Assert.Equal(1, await connection.GetDatabase().ListLengthAsync("{discharge}:ch:audit"));
    }

    private static async Task WaitConnectedAsync(ConnectionMultiplexer connection)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
