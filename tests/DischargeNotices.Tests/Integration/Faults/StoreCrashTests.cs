using System.Diagnostics;
using Grpc.Net.Client;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Tests.Integration.Grpc;
using Samverkan.TestSupport.Faults;
using Xunit.Abstractions;
using static Samverkan.DischargeNotices.Tests.Integration.Grpc.ProtoRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Faults;

// The store dies under load and comes back. A platform of its own (store, identity server, the
// service and the gateway as real processes), because this test SIGKILLs the store. Senders keep
// sending admission notices throughout (StoreCrashRun); afterwards every acknowledged notice must be
// readable, every failure must have been a retryable Unavailable (or the client's own deadline), the
// service must have recovered without a restart, and one retry of every request_id must answer
// replayed for the acknowledged ones and never create a second case.
public sealed class StoreCrashTests(DischargePlatform platform, ITestOutputHelper output) : IClassFixture<DischargePlatform>
{
    private const int Senders = 6;
    // Below the gateway's per-client rate limit (100/s) even when the store answers fast.
    private static readonly TimeSpan PauseBetweenCalls = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Acknowledged_notices_survive_a_store_crash_and_the_outage_is_a_retryable_unavailable()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var servicePid = platform.ServiceProcessId;
        var run = await StoreCrashRun<SendAdmissionNoticeRequest>.RunAsync(platform.Store, Senders, PauseBetweenCalls,
            () => Admission(DateTimeOffset.UtcNow.AddHours(-1)),
            async (request, deadline) => (await platform.Client.SendAdmissionNoticeAsync(request, karin.WithDeadline(deadline))).Accepted.CaseId);
        output.WriteLine(run.Summary());
        foreach (var o in run.Failed) output.WriteLine($"  {o.Request.RequestId}: {o}");

        run.AssertOutageWasRetryable();
        using (var service = Process.GetProcessById(servicePid))
        {
            Assert.False(service.HasExited, "The service process exited while the store was down.");
        }

        // The checks call the service directly: hundreds of reads and retries at once would exceed the
        // gateway's per-client rate limit, and the gateway is not what is checked here.
        using var direct = GrpcChannel.ForAddress(platform.ServiceAddress);
        var verifier = new Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient(direct);

        // Every acknowledged notice is there after recovery.
        await StoreCrashRun<SendAdmissionNoticeRequest>.ForEachAsync(run.Acknowledged, async o =>
        {
            var @case = await verifier.GetCaseAsync(new GetCaseRequest { CaseId = o.Id }, karin);
            Assert.Equal(o.Request.Patient.PersonalIdentityNumber.Value, @case.Patient.PersonalIdentityNumber.Value);
            Assert.Equal(CaseEvent.DetailOneofCase.AdmissionNoticeSent, @case.Events[0].DetailCase);
        });

        // One retry of every request_id; the patient never has two cases.
        output.WriteLine(await run.AssertRetriesReplayAsync(
            async request =>
            {
                var accepted = (await verifier.SendAdmissionNoticeAsync(request, karin)).Accepted;
                return new Replay(accepted.CaseId, accepted.Replayed);
            },
            async (o, caseId) =>
            {
                var cases = await verifier.ListPatientCasesAsync(
                    new ListPatientCasesRequest { PersonalIdentityNumber = o.Request.Patient.PersonalIdentityNumber }, karin);
                Assert.Equal(caseId is null ? Array.Empty<string>() : [caseId], cases.Cases.Select(c => c.CaseId));
            }));
    }
}
