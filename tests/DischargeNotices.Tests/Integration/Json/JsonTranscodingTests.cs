using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Tests.Integration.Grpc;
using Samverkan.DischargeNotices.Tests.Support;
using static Samverkan.DischargeNotices.Tests.Integration.Json.JsonRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Json;

// HTTP/JSON as a municipal system without gRPC uses it: plain HTTP/1.1 to the real gateway, real
// tokens, the same service process the gRPC tests call. The same rules, statuses and access records.
[Collection(DischargePlatformCollection.Name)]
public sealed class JsonTranscodingTests(DischargePlatform platform)
{
    [Fact]
    public async Task A_notice_sent_over_json_reads_back_the_same_over_json_and_grpc_and_a_retry_is_a_replay()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var anna = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));
        var personnummer = TestPatients.NextNumber().Value;
        var admission = Admission(DateTimeOffset.UtcNow.AddHours(-2), personnummer);

        using var sent = await karin.PostAsJsonAsync("/api/discharge/v1/cases", admission);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("application/json", sent.Content.Headers.ContentType?.MediaType);
        var accepted = (await BodyAsync(sent))["accepted"]!;
        var caseId = (string)accepted["caseId"]!;
        Assert.Equal(1, (int)accepted["eventSequence"]!);
        Assert.Equal("CASE_STATUS_ADMITTED", (string)accepted["status"]!);

        // The retry (same requestId in the body) records nothing new and answers as the first time.
        using var retried = await karin.PostAsJsonAsync("/api/discharge/v1/cases", admission);
        var replay = (await BodyAsync(retried))["accepted"]!;
        Assert.Equal((caseId, true), ((string)replay["caseId"]!, (bool)replay["replayed"]!));

        // A receiving unit reads it over JSON ...
        using var read = await anna.GetAsync($"/api/discharge/v1/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var json = await BodyAsync(read);
        Assert.Equal(caseId, (string)json["caseId"]!);
        Assert.Equal(personnummer, (string)json["patient"]!["personalIdentityNumber"]!["value"]!);
        Assert.Equal(["2080-soc", "2080-hsl", "20-vc-2080"], json["recipients"]!.AsArray().Select(r => (string)r!["unit"]!["id"]!));
        Assert.Single(json["events"]!.AsArray());

        // A search by person is a POST: the personnummer travels in the body, never in the URL.
        using var search = await anna.PostAsJsonAsync("/api/discharge/v1/patient-cases:search",
            new JsonObject { ["personalIdentityNumber"] = new JsonObject { ["value"] = personnummer } });
        Assert.Equal([caseId], (await BodyAsync(search))["cases"]!.AsArray().Select(c => (string)c!["caseId"]!));

        // ... and over gRPC: the same case.
        var grpc = await platform.Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsUserAsync("anna.lind"));
        Assert.Equal((personnummer, CaseStatus.Admitted), (grpc.Patient.PersonalIdentityNumber.Value, grpc.Status));
        Assert.Single(grpc.Events);
    }

    [Fact]
    public async Task Steps_over_json_take_the_case_id_from_the_path_and_the_rest_from_the_body()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var anna = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));
        var caseId = await SendAsync(karin);

        using var ready = await karin.PostAsJsonAsync($"/api/discharge/v1/cases/{caseId}:notifyReadyForDischarge", new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(),
            ["judgedReadyAt"] = Timestamp(DateTimeOffset.UtcNow.AddMinutes(-1)),
        });
        using var acknowledged = await anna.PostAsJsonAsync($"/api/discharge/v1/cases/{caseId}/notices/1:acknowledge",
            new JsonObject { ["requestId"] = Guid.NewGuid().ToString() });
        using var inbox = await anna.GetAsync("/api/discharge/v1/inbox?unacknowledgedOnly=true&page.pageSize=200");

        Assert.Equal("CASE_STATUS_READY_FOR_DISCHARGE", (string)(await BodyAsync(ready))["status"]!);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var notices = (await BodyAsync(inbox))["notices"]!.AsArray().Where(n => (string)n!["caseId"]! == caseId).ToList();
        // The admission notice is acknowledged; the readiness notice (sequence 2) is not.
        Assert.Equal([2], notices.Select(n => (int)n!["eventSequence"]!));
    }

    [Fact]
    public async Task Follow_up_reads_take_nested_path_fields_and_timestamps_from_the_url()
    {
        using var falun = platform.CreateJsonClient(await platform.SystemTokenAsync("falun"));
        var now = DateTimeOffset.UtcNow;
        var from = Uri.EscapeDataString(Timestamp(now.AddDays(-30)));
        var to = Uri.EscapeDataString(Timestamp(now.AddMinutes(1)));

        using var deviations = await falun.GetAsync($"/api/discharge/v1/deviation-reports?from={from}&to={to}&party=DEVIATION_PARTY_REPORTING");
        using var tooLong = await falun.GetAsync($"/api/discharge/v1/deviation-reports?from={Uri.EscapeDataString(Timestamp(now.AddDays(-400)))}&to={to}");
        using var statement = await falun.GetAsync($"/api/discharge/v1/municipalities/2080/payment-statements/{now.Year}/{now.Month}");

        Assert.True(deviations.IsSuccessStatusCode, (await BodyAsync(deviations)).ToJsonString());
        await AssertErrorAsync(tooLong, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);
        var body = await BodyAsync(statement);
        Assert.True(statement.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal(("2080", now.Year, now.Month), ((string)body["municipality"]!["code"]!, (int)body["year"]!, (int)body["month"]!));
    }

    [Fact]
    public async Task A_bad_request_gets_400_with_the_field_and_changes_nothing()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        var caseId = await SendAsync(karin);

        using var future = await karin.PostAsJsonAsync($"/api/discharge/v1/cases/{caseId}:notifyReadyForDischarge", new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(),
            ["judgedReadyAt"] = Timestamp(DateTimeOffset.UtcNow.AddHours(1)),
        });
        using var noRequestId = await karin.PostAsJsonAsync($"/api/discharge/v1/cases/{caseId}:notifyReadyForDischarge",
            new JsonObject { ["judgedReadyAt"] = Timestamp(DateTimeOffset.UtcNow.AddMinutes(-1)) });
        using var badNumber = await karin.PostAsJsonAsync("/api/discharge/v1/cases", Admission(DateTimeOffset.UtcNow.AddHours(-1), "191212121213"));

        await AssertErrorAsync(future, HttpStatusCode.BadRequest, StatusCode.InvalidArgument, field: "judged_ready_at");
        await AssertErrorAsync(noRequestId, HttpStatusCode.BadRequest, StatusCode.InvalidArgument, field: "request_id");
        var refusal = await AssertErrorAsync(badNumber, HttpStatusCode.BadRequest, StatusCode.InvalidArgument, field: "patient.personal_identity_number");
        Assert.Contains("check digit", (string)refusal["message"]!);
        Assert.DoesNotContain("191212121213", refusal.ToJsonString());

        var unchanged = await platform.Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsUserAsync("karin.nyberg"));
        Assert.Equal(CaseStatus.Admitted, unchanged.Status);
        Assert.Single(unchanged.Events);
    }

    [Theory]
    [InlineData("{\"requestId\": \"r\", \"patient\": {\"personalIdentityNumber\": {\"value\": 193001087919")]
    [InlineData("{\"requestId\": \"r\", \"patient\": {\"personalIdentityNumber\": {\"value\": 193001087919}}}")]
    [InlineData("{\"requestId\": \"r\", \"patient\": {\"personalIdentityNumber\": \"193001087919\"}}")]
    [InlineData("{\"requestId\": \"r\", \"patient\": {\"givenName\": \"193001087919\", \"nickname\": \"193001087919\"}}")]
    public async Task Malformed_json_is_a_400_that_echoes_no_personal_data(string body)
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));

        using var response = await karin.PostAsync("/api/discharge/v1/cases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var refusal = await AssertErrorAsync(response, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);
        Assert.DoesNotContain("193001087919", refusal.ToJsonString());
        Assert.DoesNotContain("193001087919", platform.ServiceOutput);
    }

    [Fact]
    public async Task Missing_consent_duplicates_and_unknown_cases_get_the_status_of_their_grpc_code()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        var personnummer = TestPatients.NextNumber().Value;
        var withoutConsent = Admission(DateTimeOffset.UtcNow.AddHours(-1), personnummer);
        withoutConsent["consent"]!["scopes"] = new JsonArray("CONSENT_SCOPE_SIP");

        using var noConsent = await karin.PostAsJsonAsync("/api/discharge/v1/cases", withoutConsent);
        var caseId = await SendAsync(karin, personnummer);
        using var duplicate = await karin.PostAsJsonAsync("/api/discharge/v1/cases", Admission(DateTimeOffset.UtcNow.AddHours(-1), personnummer));
        using var unknown = await karin.GetAsync($"/api/discharge/v1/cases/{new string('0', 32)}");

        // Transcoding maps FAILED_PRECONDITION to 400 (as Google's HTTP mapping does); the body's
        // code (9) and the PreconditionFailure detail tell it apart from INVALID_ARGUMENT.
        var consent = await AssertErrorAsync(noConsent, HttpStatusCode.BadRequest, StatusCode.FailedPrecondition);
        var violation = consent["details"]!.AsArray().Single(d => ((string)d!["@type"]!).EndsWith("google.rpc.PreconditionFailure", StringComparison.Ordinal))!["violations"]![0]!;
        Assert.Equal(("CONSENT", "CONSENT_SCOPE_SEND_NOTICES"), ((string)violation["type"]!, (string)violation["subject"]!));
        Assert.Contains(caseId, (string)(await AssertErrorAsync(duplicate, HttpStatusCode.Conflict, StatusCode.AlreadyExists))["message"]!);
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, StatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organisation_cannot_read_the_case_over_json_as_over_grpc()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var erik = platform.CreateJsonClient(await platform.UserTokenAsync("erik.berg"));
        var caseId = await SendAsync(karin);

        using var json = await erik.GetAsync($"/api/discharge/v1/cases/{caseId}");
        var grpc = await Assert.ThrowsAsync<RpcException>(async () =>
            await platform.Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsUserAsync("erik.berg")));

        Assert.Equal(StatusCode.NotFound, grpc.StatusCode);
        var body = await AssertErrorAsync(json, HttpStatusCode.NotFound, StatusCode.NotFound);
        Assert.Equal(grpc.Status.Detail, (string)body["message"]!);
    }

    [Fact]
    public async Task A_json_read_is_audit_logged_like_a_grpc_read()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var anna = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));
        using var log = new ServiceAccessLog(platform.Store);
        var caseId = await SendAsync(karin);
        var resource = $"discharge-case/{caseId}";
        var before = await log.RecordsAsync(resource);

        using var read = await anna.GetAsync($"/api/discharge/v1/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var added = (await log.RecordsAsync(resource)).Skip(before.Count).ToList();
        var record = Assert.Single(added);
        Assert.Equal(AccessAction.Read, record.Action);
        Assert.Equal(("2080-soc", "2080", "anna.lind"), (record.UnitId, record.OrganisationCode, record.Username));
        Assert.Equal("discharge-notices", record.Service);
        Assert.Equal(before[0].PersonRef, record.PersonRef);
        Assert.NotEmpty(record.TraceId);
    }

    [Fact]
    public async Task Without_a_valid_token_json_callers_get_401_with_a_json_status_never_a_redirect_or_a_grpc_status()
    {
        using var anonymous = platform.CreateJsonClient();
        using var forged = platform.CreateJsonClient("not.a.token");
        var path = $"/api/discharge/v1/cases/{new string('0', 32)}";

        foreach (var response in new[] { await anonymous.GetAsync(path), await forged.GetAsync(path),
                     await anonymous.PostAsJsonAsync("/api/discharge/v1/cases", Admission(DateTimeOffset.UtcNow.AddHours(-1))) })
        {
            using (response)
            {
                // The same google.rpc.Status shape as the service's own errors, refused at the edge.
                await AssertErrorAsync(response, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated);
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            }
        }
    }

    [Fact]
    public async Task A_token_without_a_discharge_role_gets_403()
    {
        // Sara is a relative-support consultant: the gateway's role gate refuses her.
        using var sara = platform.CreateJsonClient(await platform.UserTokenAsync("sara.falk"));

        using var response = await sara.GetAsync($"/api/discharge/v1/cases/{new string('0', 32)}");

        var body = await AssertErrorAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied);
        Assert.Contains("discharge-receiver", (string)body["message"]!); // names the roles the route accepts
    }

    [Fact]
    public async Task A_role_the_service_refuses_gets_403_with_the_services_message()
    {
        // Anna may call the service (discharge-receiver) but not send admission notices.
        using var anna = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));

        using var response = await anna.PostAsJsonAsync("/api/discharge/v1/cases", Admission(DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.Contains("discharge-sender", (string)(await AssertErrorAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied))["message"]!);
    }

    [GatewayFact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after()
    {
        using var mora = platform.CreateJsonClient(await platform.SystemTokenAsync("mora"));
        var path = "/api/discharge/v1/inbox";

        for (var i = 0; i < DischargePlatform.RateLimitedBurst; i++)
        {
            using var served = await mora.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
        using var refused = await mora.GetAsync(path);

        var body = await AssertErrorAsync(refused, HttpStatusCode.TooManyRequests, StatusCode.ResourceExhausted);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("system-mora", (string)body["message"]!);
    }

    private static async Task<string> SendAsync(HttpClient sender, string? personnummer = null)
    {
        using var sent = await sender.PostAsJsonAsync("/api/discharge/v1/cases", Admission(DateTimeOffset.UtcNow.AddHours(-2), personnummer));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return (string)(await BodyAsync(sent))["accepted"]!["caseId"]!;
    }

    // The transcoded error: the HTTP status of the gRPC code and a google.rpc.Status body.
    private static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, StatusCode code, string? field = null)
    {
        var body = await BodyAsync(response);
        Assert.True(response.StatusCode == status, $"Expected HTTP {(int)status}, got {(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal((int)code, (int)body["code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
        AssertNoGrpcStatus(response);
        if (field is not null)
        {
            var badRequest = body["details"]!.AsArray().Single(d => ((string)d!["@type"]!).EndsWith("google.rpc.BadRequest", StringComparison.Ordinal))!;
            Assert.Equal(field, (string)badRequest["fieldViolations"]![0]!["field"]!);
        }
        return body;
    }

    private static void AssertNoGrpcStatus(HttpResponseMessage response)
    {
        Assert.False(response.Headers.Contains("grpc-status"), "A JSON caller got a gRPC status header.");
        Assert.NotEqual("application/grpc", response.Content.Headers.ContentType?.MediaType);
    }
}
