using Grpc.Core;
using Samverkan.Contracts.Relatives.V1;
using Samverkan.TestSupport.Faults;
using Xunit.Abstractions;

namespace Samverkan.RelativeSupport.Tests.Integration.Faults;

// The store is SIGKILLed while consultants register relatives and comes back after an outage longer
// than the client library's command timeout (StoreCrashRun). Every acknowledged registration must
// be readable after the restart, every failure must be a retryable UNAVAILABLE (or the caller's own
// deadline), a retry of every request_id must answer the first result for the acknowledged ones,
// and the store must hold exactly one relative per applied request (no duplicates).
// Its own platform (not the shared collection), because it kills the store.
public sealed class StoreCrashTests(RelativePlatform platform, ITestOutputHelper output) : IClassFixture<RelativePlatform>
{
    private const int Senders = 3;
    private static readonly TimeSpan PauseBetweenCalls = TimeSpan.FromMilliseconds(50);

    [PlatformFact]
    public async Task Acknowledged_registrations_survive_a_store_crash_and_retries_replay_without_duplicates()
    {
        var sara = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var run = await StoreCrashRun<RegisterRelativeRequest>.RunAsync(platform.Store, Senders, PauseBetweenCalls,
            () => new RegisterRelativeRequest
            {
                RequestId = Guid.NewGuid().ToString(), MunicipalityCode = "2081", Relationship = Relationship.Partner, ConsentToRegistration = true,
                Relative = new RelativeDetails { GivenName = "Crash", FamilyName = "Test" },
            },
            async (request, deadline) => (await platform.Direct.RegisterRelativeAsync(request, sara.WithDeadline(deadline))).RelativeId);
        output.WriteLine(run.Summary());
        run.AssertOutageWasRetryable();

        await StoreCrashRun<RegisterRelativeRequest>.ForEachAsync(run.Acknowledged, async o =>
            Assert.Equal("Crash", (await platform.Direct.GetRelativeAsync(new GetRelativeRequest { RelativeId = o.Id }, sara)).Details.GivenName));

        // RelativeAccepted does not say whether it replayed: the same relative id is the replay.
        var applied = new System.Collections.Concurrent.ConcurrentBag<string>();
        output.WriteLine(await run.AssertRetriesReplayAsync(
            async request => new Replay((await platform.Direct.RegisterRelativeAsync(request, sara)).RelativeId, null),
            async (_, relativeId) =>
            {
                if (relativeId is null) return;
                applied.Add(relativeId);
                Assert.Equal("Crash", (await platform.Direct.GetRelativeAsync(new GetRelativeRequest { RelativeId = relativeId }, sara)).Details.GivenName);
            }));

        // No duplicates: the store holds one relative per applied request id, and no other.
        var stored = new List<string>();
        await foreach (var key in platform.StoreConnection.GetServers().Single().KeysAsync(pattern: "{relatives}:doc:relative:*", pageSize: 500))
        {
            stored.Add(key.ToString()[(key.ToString().LastIndexOf(':') + 1)..]);
        }
        Assert.Equal(applied.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }
}
