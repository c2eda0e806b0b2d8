using Grpc.Health.V1;
using Samverkan.Contracts.Discharge.V1;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// The platform as `dotnet run --project AppHost` starts it, once per store kind: all healthy, gRPC
// answering over real h2c, data surviving a restart, Ctrl+C leaving no process behind.
public sealed class PlatformTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] GrpcServices = ["sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "access-log"];

    [Theory]
    [InlineData("redis")]
    [InlineData("garnet")]
    public async Task Platform_starts_healthy_serves_grpc_keeps_data_across_a_restart_and_stops_without_orphans(string store)
    {
        using var workspace = new TestWorkspace();
        var offset = await PortOffsets.FindFreeAsync(workspace, output);
        string[] arguments = ["--store", store, "--port-offset", offset.ToString(), "--data-dir", workspace.DataDirectory];
        string caseId;

        await using (var appHost = AppHostProcess.Start(workspace.StateFile, arguments, output))
        {
            var state = await appHost.WaitForStateAsync("Healthy", StartTimeout);
            Assert.Equal(store, state.Store);
            Assert.All(state.Resources, r => Assert.Equal("Healthy", r.State));
            AssertAspireEnvironment(state);

            using var gateway = new GatewayClient(state);
            foreach (var service in GrpcServices)
            {
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await gateway.CheckHealthAsync(service));
            }

            // A real discharge notice through the front door: the region's system sends it, and
            // Falun's system (a recipient) finds it in its inbox.
            var sent = await gateway.DischargeNotices.SendAdmissionNoticeAsync(
                GatewayClient.AdmissionNotice(), await gateway.SystemAsync("region-dalarna"));
            caseId = sent.Accepted.CaseId;
            var inbox = await gateway.DischargeNotices.ListInboxAsync(new ListInboxRequest(), await gateway.SystemAsync("falun"));
            Assert.Contains(inbox.Notices, n => n.CaseId == caseId);

            await appHost.StopAndAssertNoOrphansAsync();
        }

        // Restarted on the same data: the acknowledged notice is still there, history intact.
        await using (var appHost = AppHostProcess.Start(workspace.StateFile, arguments, output))
        {
            var state = await appHost.WaitForStateAsync("Healthy", StartTimeout);
            using var gateway = new GatewayClient(state);
            var found = await gateway.DischargeNotices.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await gateway.SystemAsync("falun"));
            Assert.Equal(caseId, found.CaseId);
            Assert.Equal(CaseStatus.Admitted, found.Status);
            Assert.Equal(CaseEvent.DetailOneofCase.AdmissionNoticeSent, Assert.Single(found.Events).DetailCase);

            await appHost.StopAndAssertNoOrphansAsync();
        }
    }

    // What a real Aspire AppHost injects, read from the running children's environment
    // (/proc/<pid>/environ). The launcher itself was started with ASPNETCORE_URLS and
    // ASPNETCORE_ENVIRONMENT=Production set, which must not reach them.
    private static void AssertAspireEnvironment(LaunchState state)
    {
        var notices = ProcessProbe.Environment(state["discharge-notices"].Pid!.Value);
        Assert.Equal(state["discharge-notices"].Urls[0], notices["ASPNETCORE_URLS"]);
        Assert.Equal("Development", notices["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("http", notices["DOTNET_LAUNCH_PROFILE"]);
        Assert.Equal("discharge-notices", notices["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", notices["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.False(notices.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "no OTLP endpoint unless one is configured");
        Assert.Equal(state["store"].ConnectionString, notices["ConnectionStrings__store"]);
        Assert.Equal(state["identity"].Urls[0], notices["services__identity__http__0"]);
        Assert.Equal(state["identity"].Urls[0], notices["IDENTITY_HTTP"]);
        Assert.Equal(state["identity"].Urls[0], notices["Keycloak__AuthServerUrl"]);
        Assert.Equal("samverkan", notices["Keycloak__Realm"]);

        var gateway = ProcessProbe.Environment(state["gateway"].Pid!.Value);
        Assert.Equal(state["discharge-notices"].Urls[0], gateway["services__discharge-notices__http__0"]);
        Assert.Equal(state["discharge-notices"].Urls[0], gateway["DISCHARGE_NOTICES_HTTP"]);
        Assert.Equal("gateway", gateway["OTEL_SERVICE_NAME"]);

        var identity = ProcessProbe.Environment(state["identity"].Pid!.Value);
        Assert.Equal(state["identity"].Urls[0], identity["Identity__PublicUrl"]);
        Assert.True(Directory.Exists(identity["Identity__DataDirectory"]));
    }
}
