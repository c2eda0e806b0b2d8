using Grpc.Core;
using Grpc.Health.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.TestSupport.Telemetry;

namespace Samverkan.EndToEnd.Tests;

// The platform as AppHost/Program.cs declares it, started by Aspire: every resource healthy, gRPC over
// real h2c through the gateway, one trace per call, no personal data in any telemetry.
[Collection(PlatformCollection.Name)]
public sealed class PlatformTests(PlatformFixture fixture)
{
    private static readonly string[] GrpcServices = ["sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "access-log"];

    // Personal data that must never reach telemetry (besides the patient in GatewayClient.AdmissionNotice).
    private const string FreeText = "Insulin kvällstid, nyckel hos grannen Agda Persson";
    private const string WrongCheckDigit = "191212121213";

    private PlatformRun Platform => fixture.Platform;

    [Fact]
    public async Task Every_declared_resource_is_healthy_and_every_service_answers_grpc_health_through_the_gateway()
    {
        // Prometheus is declared only where it is installed (the AppHost says so and starts without it).
        var prometheusInstalled = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, "prometheus")));
        string[] monitoring = prometheusInstalled ? ["prometheus"] : [];
        Assert.Equal(
            ["store", "identity", "access-log", "sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "gateway", "portal", .. monitoring],
            Platform.ResourceNames);

        using var gateway = new GatewayClient(Platform);
        foreach (var service in GrpcServices)
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await gateway.CheckHealthAsync(service));
        }
    }

    // What the AppHost injects, read from the running processes' environment (/proc/<pid>/environ).
    [Fact]
    public void Services_get_their_store_identity_provider_telemetry_and_secret_from_the_AppHost()
    {
        var notices = ProcessProbe.Environment(Platform.ProcessId("discharge-notices"));
        var identityUrl = Platform.Endpoint("identity").GetLeftPart(UriPartial.Authority);
        // Named Kestrel endpoints (gRPC h2c on "http", /metrics over HTTP/1.1 on "management") instead of one ASPNETCORE_URLS.
        Assert.Equal(Platform.Endpoint("discharge-notices").GetLeftPart(UriPartial.Authority), notices["Kestrel__Endpoints__http__Url"]);
        Assert.Equal(Platform.Endpoint("discharge-notices", "management").GetLeftPart(UriPartial.Authority), notices["Kestrel__Endpoints__management__Url"]);
        Assert.Equal("ASPNETCORE_ENVIRONMENT=Development", $"ASPNETCORE_ENVIRONMENT={notices["ASPNETCORE_ENVIRONMENT"]}");
        Assert.Equal($"127.0.0.1:{Platform.StorePort}", notices["ConnectionStrings__store"]);
        Assert.Equal(identityUrl, notices["services__identity__http__0"]);
        Assert.Equal(identityUrl, notices["Keycloak__AuthServerUrl"]);
        Assert.Equal("samverkan", notices["Keycloak__Realm"]);
        Assert.Equal("discharge-notices", notices["OTEL_SERVICE_NAME"]);
        Assert.Equal(fixture.Telemetry.EndpointUrl, notices["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // Query strings may carry personal data: Aspire's development switches that record them are withheld.
        Assert.DoesNotContain(notices.Keys, name => name.EndsWith("DISABLE_URL_QUERY_REDACTION", StringComparison.Ordinal));

        // The generated person-reference key: one secret, the same for every service that records access.
        var key = notices["AccessLogging__PersonReferenceKey"];
        Assert.True(Convert.FromBase64String(key).Length >= 32);
        Assert.Equal(key, ProcessProbe.Environment(Platform.ProcessId("access-log"))["AccessLogging__PersonReferenceKey"]);

        // The gateway names its endpoints, so "grpc" can be h2c and "management" alone serves /metrics.
        var gateway = ProcessProbe.Environment(Platform.ProcessId("gateway"));
        Assert.Equal(Platform.Endpoint("gateway", "grpc").GetLeftPart(UriPartial.Authority), gateway["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal(Platform.Endpoint("gateway", "management").GetLeftPart(UriPartial.Authority), gateway["Kestrel__Endpoints__management__Url"]);
        Assert.False(gateway.ContainsKey("ASPNETCORE_URLS"));
        Assert.Equal(Platform.Endpoint("discharge-notices").GetLeftPart(UriPartial.Authority), gateway["services__discharge-notices__http__0"]);
    }

    [Fact]
    public async Task A_discharge_flow_is_one_trace_from_the_gateway_through_the_service_and_store_to_the_access_log_without_personal_data()
    {
        using var gateway = new GatewayClient(Platform);

        // A real discharge notice through the front door: the region's system sends it, and
        // Falun's system (a recipient) finds it in its inbox.
        var caller = CallerTrace.New();
        var sent = await gateway.DischargeNotices.SendAdmissionNoticeAsync(
            GatewayClient.AdmissionNotice(), caller.AddTo(await gateway.SystemAsync("region-dalarna")));
        var caseId = sent.Accepted.CaseId;
        var inbox = await gateway.DischargeNotices.ListInboxAsync(new ListInboxRequest(), await gateway.SystemAsync("falun"));
        Assert.Contains(inbox.Notices, n => n.CaseId == caseId);

        // Free text about the patient, and a rejected call that carries a (wrong) personnummer:
        // error paths are where request data most easily slips into logs and span statuses.
        await gateway.DischargeNotices.TransferInformationAsync(
            GatewayClient.InformationTransfer(caseId, FreeText), await gateway.SystemAsync("region-dalarna"));
        var rejected = await Assert.ThrowsAsync<RpcException>(async () => await gateway.DischargeNotices.SendAdmissionNoticeAsync(
            GatewayClient.AdmissionNotice(WrongCheckDigit), await gateway.SystemAsync("region-dalarna")));
        Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);

        var received = fixture.Telemetry.Received;
        await PlatformTrace.AssertGatewayServiceStoreAccessLogAsync(received, caller, "discharge-notices", TimeSpan.FromSeconds(60));

        // Every project exports traces, logs and metrics; none of it holds personal data.
        await received.WaitForAsync(r => Platform.ProjectNames.All(name => r.Payloads.Any(p => p.ServiceNames.Contains(name))),
            TimeSpan.FromSeconds(30), "telemetry from every project");
        Assert.NotEmpty(received.LogRecords);
        Assert.NotEmpty(received.DataPoints);
        TelemetryPrivacy.AssertNoneContains(received,
        [
            .. TelemetryPrivacy.PersonalIdentityNumberForms(GatewayClient.PersonalIdentityNumber),
            .. TelemetryPrivacy.PersonalIdentityNumberForms(WrongCheckDigit),
            GatewayClient.GivenName, GatewayClient.FamilyName, GatewayClient.Street, FreeText,
        ]);
    }
}
