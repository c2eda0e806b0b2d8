using Samverkan.Contracts.Discharge.V1;
using Samverkan.TestSupport.Store;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// Stopped and started again on the same --data-dir, the platform still has what it acknowledged and
// the same person-reference key; each stop leaves no process of the run behind.
[StoreKind(StoreKind.Redis)]
public sealed class PlatformRestartTests(ITestOutputHelper output)
{
    [StoreFact]
    public async Task On_redis_an_acknowledged_notice_and_the_generated_key_survive_a_stop_and_start_and_each_stop_leaves_nothing_running()
    {
        using var workspace = new TestWorkspace();
        string caseId, key;
        await using (var first = await PlatformRun.StartAsync("redis", workspace.DataDirectory, output))
        {
            using var gateway = new GatewayClient(first);
            var sent = await gateway.DischargeNotices.SendAdmissionNoticeAsync(GatewayClient.AdmissionNotice(), await gateway.SystemAsync("region-dalarna"));
            caseId = sent.Accepted.CaseId;
            key = ProcessProbe.Environment(first.ProcessId("discharge-notices"))["AccessLogging__PersonReferenceKey"];
            await first.StopAndAssertNothingLeftAsync();
        }

        await using var second = await PlatformRun.StartAsync("redis", workspace.DataDirectory, output);
        using (var gateway = new GatewayClient(second))
        {
            var found = await gateway.DischargeNotices.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await gateway.SystemAsync("falun"));
            Assert.Equal(CaseStatus.Admitted, found.Status);
        }
        Assert.Equal(key, ProcessProbe.Environment(second.ProcessId("discharge-notices"))["AccessLogging__PersonReferenceKey"]);
        await second.StopAndAssertNothingLeftAsync();
    }
}
