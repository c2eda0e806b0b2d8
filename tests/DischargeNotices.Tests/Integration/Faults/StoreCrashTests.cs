using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Tests.Integration.Grpc;
using Xunit.Abstractions;
using static Samverkan.DischargeNotices.Tests.Integration.Grpc.ProtoRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Faults;

// The store dies under load and comes back. A platform of its own (store, identity server, the
// service and the gateway as real processes), because this test SIGKILLs the store. Senders keep
// sending admission notices throughout; afterwards every acknowledged notice must be readable,
// every failure must have been a retryable Unavailable (or the client's own deadline), the service
// must have recovered without a restart, and one retry of every request_id must answer replayed for
// the acknowledged ones and never create a second case.
public sealed class StoreCrashTests(DischargePlatform platform, ITestOutputHelper output) : IClassFixture<DischargePlatform>
{
    private const int Senders = 6;
    // Below the gateway's per-client rate limit (100/s) even when the store answers fast.
    private static readonly TimeSpan PauseBetweenCalls = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    // Longer than StackExchange.Redis' 5 s command timeout: a shorter outage is hidden from callers
    // (commands wait in the multiplexer's backlog and succeed after the reconnect), so nothing fails.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(7);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    private Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient Client => platform.Client;

    [Fact]
    public async Task Acknowledged_notices_survive_a_store_crash_and_the_outage_is_a_retryable_unavailable()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var servicePid = platform.ServiceProcessId;
        var outcomes = new ConcurrentQueue<SendOutcome>();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendUntilStoppedAsync(karin, outcomes, stop.Token))).ToArray();

        // Under load: every sender has had acknowledged calls before the crash.
        await WaitUntilAsync(() => outcomes.Count(o => o.Acknowledged) >= Senders * 3, TimeSpan.FromSeconds(30), "the senders to warm up");

        var killedAt = DateTimeOffset.UtcNow;
        await platform.Store.KillAsync();
        await Task.Delay(Outage);
        await platform.Store.StartAsync();
        var restartedAt = DateTimeOffset.UtcNow;

        // The service recovers by itself: calls started after the restart succeed again.
        await WaitUntilAsync(() => outcomes.Count(o => o.Acknowledged && o.Started > restartedAt) >= Senders, RecoveryBound,
            "calls to succeed again after the store restarted (the service did not recover by itself)");
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var all = outcomes.ToList();
        var failed = all.Where(o => !o.Acknowledged).ToList();
        var recoveredAt = all.Where(o => o.Acknowledged && o.Started > restartedAt).Min(o => o.Ended);
        output.WriteLine($"{all.Count} calls: {all.Count(o => o.Acknowledged)} OK, {failed.Count} failed " +
            $"({string.Join(", ", failed.GroupBy(o => o.Code).Select(g => $"{g.Key} {g.Count()}"))}); " +
            $"first OK after restart {(recoveredAt - restartedAt).TotalSeconds:F1} s after it");
        output.WriteLine($"killed {killedAt:HH:mm:ss.fff}, restarted {restartedAt:HH:mm:ss.fff}; median OK call " +
            $"{all.Where(o => o.Acknowledged).Select(o => (o.Ended - o.Started).TotalMilliseconds).Order().ElementAt(all.Count(o => o.Acknowledged) / 2):F0} ms");
        foreach (var o in failed) output.WriteLine("  " + o);

        // Every failure is retryable and says so: Unavailable (or the client's own deadline), never Internal/Unknown.
        Assert.Empty(failed.Where(o => o.Code is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded)).Select(o => o.ToString()));
        Assert.All(failed.Where(o => o.Code == StatusCode.Unavailable), o => Assert.Contains("retry", o.Message, StringComparison.OrdinalIgnoreCase));
        // The outage was seen (otherwise this test would prove nothing), and only around it.
        Assert.Contains(failed, o => o.Started >= killedAt && o.Started < restartedAt);
        Assert.All(failed, o => Assert.True(o.Ended >= killedAt && o.Started <= recoveredAt, $"failed outside the outage: {o}"));

        // The service process never exited.
        using (var service = Process.GetProcessById(servicePid))
        {
            Assert.False(service.HasExited, "The service process exited while the store was down.");
        }

        // The checks call the service directly: hundreds of reads and retries at once would exceed the
        // gateway's per-client rate limit, and the gateway is not what is checked here.
        using var direct = GrpcChannel.ForAddress(platform.ServiceAddress);
        var verifier = new Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient(direct);

        // Every acknowledged notice is there after recovery.
        await ForEachAsync(all.Where(o => o.Acknowledged), async o =>
        {
            var @case = await verifier.GetCaseAsync(new GetCaseRequest { CaseId = o.CaseId }, karin);
            Assert.Equal(o.Request.Patient.PersonalIdentityNumber.Value, @case.Patient.PersonalIdentityNumber.Value);
            Assert.Equal(CaseEvent.DetailOneofCase.AdmissionNoticeSent, @case.Events[0].DetailCase);
        });

        // One retry of every request_id: acknowledged → replayed, the same case; failed → applied once
        // (possibly replayed: the commit may have landed before the connection broke) or refused.
        // Either way the patient never has two cases.
        var appliedOnRetry = 0;
        var alreadyApplied = 0;
        await ForEachAsync(all, async o =>
        {
            SendAdmissionNoticeResponse? retried = null;
            try
            {
                retried = await verifier.SendAdmissionNoticeAsync(o.Request, karin);
            }
            catch (RpcException e) when (!o.Acknowledged)
            {
                Assert.True(e.StatusCode is not (StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable),
                    $"retry of a failed call answered {e.StatusCode}: {e.Status.Detail}");
            }
            if (o.Acknowledged)
            {
                Assert.True(retried!.Accepted.Replayed, $"retry of an acknowledged call was not a replay: {o}");
                Assert.Equal(o.CaseId, retried.Accepted.CaseId);
            }
            else if (retried is not null)
            {
                Interlocked.Increment(ref retried.Accepted.Replayed ? ref alreadyApplied : ref appliedOnRetry);
            }

            var cases = await verifier.ListPatientCasesAsync(
                new ListPatientCasesRequest { PersonalIdentityNumber = o.Request.Patient.PersonalIdentityNumber }, karin);
            Assert.Equal(retried is null ? Array.Empty<string>() : [retried.Accepted.CaseId], cases.Cases.Select(c => c.CaseId));
        });
        output.WriteLine($"retries of the {failed.Count} failed calls: {alreadyApplied} had been applied (replayed), " +
            $"{appliedOnRetry} applied now, {failed.Count - alreadyApplied - appliedOnRetry} refused");
    }

    private async Task SendUntilStoppedAsync(CallOptions auth, ConcurrentQueue<SendOutcome> outcomes, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var request = Admission(DateTimeOffset.UtcNow.AddHours(-1));
            var started = DateTimeOffset.UtcNow;
            try
            {
                // Not cancelled by `stop`: a call in flight runs to its own end, as a real sender's would.
                var response = await Client.SendAdmissionNoticeAsync(request, auth.WithDeadline(DateTime.UtcNow + CallDeadline));
                outcomes.Enqueue(new(request, StatusCode.OK, "", response.Accepted.CaseId, started, DateTimeOffset.UtcNow));
            }
            catch (RpcException e)
            {
                outcomes.Enqueue(new(request, e.StatusCode, e.Status.Detail, null, started, DateTimeOffset.UtcNow));
            }
            await Task.Delay(PauseBetweenCalls, CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan bound, string what)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Waited {bound.TotalSeconds} s for {what}.");
            await Task.Delay(100);
        }
    }

    // A few checks in parallel, as a client would after an outage (bounded, below the rate limit).
    private static Task ForEachAsync(IEnumerable<SendOutcome> outcomes, Func<SendOutcome, Task> check) =>
        Parallel.ForEachAsync(outcomes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (o, _) => await check(o));
}
