using Samverkan.Contracts.Discharge.V1;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// The AppHost as a developer runs it (`dotnet run --project AppHost`: the built AppHost with its launch
// profile's settings, dashboard included), ended the three ways a process really ends. Each time every
// process of the run - the AppHost, DCP, the dashboard, store and services - is gone afterwards, and
// the next run on the same data finds what the previous one acknowledged (embedded Garnet, so this
// runs on a fresh machine too).
public sealed class AppHostCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ctrl_C_SIGTERM_and_SIGKILL_each_stop_every_process_of_the_run_and_the_next_run_reuses_the_data()
    {
        using var workspace = new TestWorkspace();
        string caseId;

        await using (var run = await AppHostProcess.StartAsync(workspace.DataDirectory, output))
        {
            Assert.Matches(@"Login to the dashboard at http://localhost:\d+/login\?t=", run.Output);
            using var gateway = new GatewayClient(run.GatewayGrpc, run.Identity);
            caseId = (await gateway.DischargeNotices.SendAdmissionNoticeAsync(GatewayClient.AdmissionNotice(), await gateway.SystemAsync("region-dalarna"))).Accepted.CaseId;
            await run.StopAndAssertNothingLeftAsync(AppHostProcess.Ending.CtrlC);
        }

        await using (var run = await AppHostProcess.StartAsync(workspace.DataDirectory, output))
        {
            await AssertCaseFoundAsync(run, caseId);
            await run.StopAndAssertNothingLeftAsync(AppHostProcess.Ending.SigTerm);
        }

        // SIGKILL gives the AppHost no chance to stop anything: DCP watches its process and stops the rest.
        await using (var run = await AppHostProcess.StartAsync(workspace.DataDirectory, output))
        {
            await AssertCaseFoundAsync(run, caseId);
            await run.StopAndAssertNothingLeftAsync(AppHostProcess.Ending.SigKill);
        }
    }

    private static async Task AssertCaseFoundAsync(AppHostProcess run, string caseId)
    {
        using var gateway = new GatewayClient(run.GatewayGrpc, run.Identity);
        var found = await gateway.DischargeNotices.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await gateway.SystemAsync("falun"));
        Assert.Equal(CaseStatus.Admitted, found.Status);
    }
}
