using System.Collections.Concurrent;
using Grpc.Core;
using Samverkan.Contracts.Relatives.V1;
using Xunit.Abstractions;

namespace Samverkan.RelativeSupport.Tests.Integration.Faults;

// The store is SIGKILLed while consultants register relatives and comes back after an outage longer
// than the client library's command timeout. Every acknowledged registration must be readable after
// the restart, every failure must be a retryable UNAVAILABLE (or the caller's own deadline), and a
// retry of every request_id must answer the first result for the acknowledged ones (no duplicates).
// Its own platform (not the shared collection), because it kills the store.
public sealed class StoreCrashTests(RelativePlatform platform, ITestOutputHelper output) : IClassFixture<RelativePlatform>
{
    private const int Senders = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(7);

    private sealed record Outcome(string RequestId, RegisterRelativeRequest Request, string? RelativeId, StatusCode Code, DateTimeOffset Started, DateTimeOffset Ended);

    [PlatformFact]
    public async Task Acknowledged_registrations_survive_a_store_crash_and_the_outage_is_retryable()
    {
        var sara = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var request = new RegisterRelativeRequest
                {
                    RequestId = Guid.NewGuid().ToString(), MunicipalityCode = "2081", Relationship = Relationship.Partner, ConsentToRegistration = true,
                    Relative = new RelativeDetails { GivenName = "Crash", FamilyName = "Test" },
                };
                var started = DateTimeOffset.UtcNow;
                try
                {
                    var accepted = await platform.Direct.RegisterRelativeAsync(request, sara.WithDeadline(DateTime.UtcNow.AddSeconds(10)));
                    outcomes.Enqueue(new Outcome(request.RequestId, request, accepted.RelativeId, StatusCode.OK, started, DateTimeOffset.UtcNow));
                }
                catch (RpcException e)
                {
                    outcomes.Enqueue(new Outcome(request.RequestId, request, null, e.StatusCode, started, DateTimeOffset.UtcNow));
                }
                await Task.Delay(50);
            }
        })).ToArray();

        await WaitUntilAsync(() => outcomes.Count(o => o.Code == StatusCode.OK) >= Senders * 3, TimeSpan.FromSeconds(30));
        var killedAt = DateTimeOffset.UtcNow;
        await platform.Store.KillAsync();
        await Task.Delay(Outage);
        await platform.Store.StartAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        await WaitUntilAsync(() => outcomes.Count(o => o.Code == StatusCode.OK && o.Started > restartedAt) >= Senders, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var all = outcomes.ToList();
        var failed = all.Where(o => o.Code != StatusCode.OK).ToList();
        output.WriteLine($"{all.Count} calls, {all.Count - failed.Count} OK, failed: {string.Join(", ", failed.GroupBy(o => o.Code).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.Contains(failed, o => o.Started >= killedAt && o.Started < restartedAt);
        Assert.All(failed, o => Assert.True(o.Code is StatusCode.Unavailable or StatusCode.DeadlineExceeded, $"not retryable: {o.Code}"));

        // Every acknowledged registration is there; a retry of every request answers the same relative.
        foreach (var o in all)
        {
            var retried = await platform.Direct.RegisterRelativeAsync(o.Request, sara);
            if (o.RelativeId is { } id)
            {
                Assert.Equal(id, retried.RelativeId);
                Assert.Equal("Crash", (await platform.Direct.GetRelativeAsync(new GetRelativeRequest { RelativeId = id }, sara)).Details.GivenName);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException("The condition was not met in time.");
            await Task.Delay(100);
        }
    }
}
