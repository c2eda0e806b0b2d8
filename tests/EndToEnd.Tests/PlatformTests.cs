using Grpc.Core;
using Grpc.Health.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.TestSupport.Telemetry;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// The platform as `dotnet run --project AppHost` starts it, once per store kind: all healthy, gRPC
// answering over real h2c, data surviving a restart, Ctrl+C leaving no process behind.
public sealed class PlatformTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] GrpcServices = ["sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "access-log"];

    // Personal data that must never reach telemetry (besides the patient in GatewayClient.AdmissionNotice).
    private const string FreeText = "Insulin kvällstid, nyckel hos grannen Agda Persson";
    private const string WrongCheckDigit = "191212121213";

    [Theory]
    [InlineData("redis")]
    [InlineData("garnet")]
    public async Task Platform_starts_healthy_serves_grpc_keeps_data_across_a_restart_and_stops_without_orphans(string store)
    {
        using var workspace = new TestWorkspace();
        var offset = await PortOffsets.FindFreeAsync(workspace, output);
        string[] arguments = ["--store", store, "--port-offset", offset.ToString(), "--data-dir", workspace.DataDirectory];
        string caseId;
        HashSet<string> projects;

        // The first run exports to a test OTLP receiver (the AppHost's --otlp), so the same calls also
        // prove "one trace, no personal data" (issue #4, docs/privacy.md).
        await using var telemetry = await OtlpReceiver.StartAsync();
        await using (var appHost = AppHostProcess.Start(workspace.StateFile, [.. arguments, "--otlp", telemetry.EndpointUrl], output))
        {
            var state = await appHost.WaitForStateAsync("Healthy", StartTimeout);
            Assert.Equal(store, state.Store);
            Assert.All(state.Resources, r => Assert.Equal("Healthy", r.State));
            AssertAspireEnvironment(state, telemetry.EndpointUrl);
            projects = state.Resources.Where(r => r.Kind == "Project").Select(r => r.Name).ToHashSet();

            using var gateway = new GatewayClient(state);
            foreach (var service in GrpcServices)
            {
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await gateway.CheckHealthAsync(service));
            }

            // A real discharge notice through the front door: the region's system sends it, and
            // Falun's system (a recipient) finds it in its inbox.
            var caller = CallerTrace.New();
            var sent = await gateway.DischargeNotices.SendAdmissionNoticeAsync(
                GatewayClient.AdmissionNotice(), caller.AddTo(await gateway.SystemAsync("region-dalarna")));
            caseId = sent.Accepted.CaseId;
            var inbox = await gateway.DischargeNotices.ListInboxAsync(new ListInboxRequest(), await gateway.SystemAsync("falun"));
            Assert.Contains(inbox.Notices, n => n.CaseId == caseId);

            // Free text about the patient, and a rejected call that carries a (wrong) personnummer:
            // error paths are where request data most easily slips into logs and span statuses.
            await gateway.DischargeNotices.TransferInformationAsync(
                GatewayClient.InformationTransfer(caseId, FreeText), await gateway.SystemAsync("region-dalarna"));
            var rejected = await Assert.ThrowsAsync<RpcException>(async () => await gateway.DischargeNotices.SendAdmissionNoticeAsync(
                GatewayClient.AdmissionNotice(WrongCheckDigit), await gateway.SystemAsync("region-dalarna")));
            Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);

            await PlatformTrace.AssertGatewayServiceStoreAsync(telemetry.Received, caller, "discharge-notices", TimeSpan.FromSeconds(30));
            await appHost.StopAndAssertNoOrphansAsync();
        }

        // Every process exported (the stop flushed the last batches), and none of it holds personal data.
        Assert.Equal(projects, telemetry.Received.Payloads.SelectMany(p => p.ServiceNames).ToHashSet());
        Assert.NotEmpty(telemetry.Received.LogRecords);
        Assert.NotEmpty(telemetry.Received.DataPoints);
        TelemetryPrivacy.AssertNoneContains(telemetry.Received,
        [
            .. TelemetryPrivacy.PersonalIdentityNumberForms(GatewayClient.PersonalIdentityNumber),
            .. TelemetryPrivacy.PersonalIdentityNumberForms(WrongCheckDigit),
            GatewayClient.GivenName, GatewayClient.FamilyName, GatewayClient.Street, FreeText,
        ]);

        // Restarted on the same data: the acknowledged notice is still there, history intact.
        await using (var appHost = AppHostProcess.Start(workspace.StateFile, arguments, output))
        {
            var state = await appHost.WaitForStateAsync("Healthy", StartTimeout);
            AssertAspireEnvironment(state, otlpEndpoint: null);
            using var gateway = new GatewayClient(state);
            var found = await gateway.DischargeNotices.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await gateway.SystemAsync("falun"));
            Assert.Equal(caseId, found.CaseId);
            Assert.Equal(CaseStatus.Admitted, found.Status);
            Assert.Equal(
                [CaseEvent.DetailOneofCase.AdmissionNoticeSent, CaseEvent.DetailOneofCase.InformationTransferred],
                found.Events.Select(e => e.DetailCase));

            await appHost.StopAndAssertNoOrphansAsync();
        }
    }

    // What a real Aspire AppHost injects, read from the running children's environment
    // (/proc/<pid>/environ). The launcher itself was started with ASPNETCORE_URLS and
    // ASPNETCORE_ENVIRONMENT=Production set, which must not reach them.
    private static void AssertAspireEnvironment(LaunchState state, string? otlpEndpoint)
    {
        var notices = ProcessProbe.Environment(state["discharge-notices"].Pid!.Value);
        Assert.Equal(state["discharge-notices"].Urls[0], notices["ASPNETCORE_URLS"]);
        Assert.Equal("Development", notices["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("http", notices["DOTNET_LAUNCH_PROFILE"]);
        Assert.Equal("discharge-notices", notices["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", notices["OTEL_RESOURCE_ATTRIBUTES"]);
        if (otlpEndpoint is null)
        {
            Assert.False(notices.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "no OTLP endpoint unless one is configured");
        }
        else
        {
            Assert.Equal(otlpEndpoint, notices["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", notices["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        }
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
