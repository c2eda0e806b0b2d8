using System.Net;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using static Samverkan.DischargeNotices.Tests.Integration.Grpc.ProtoRequests;
using Status = Google.Rpc.Status;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// Bad input gets a precise status an integrator can act on (with google.rpc details), and a
// refused call changes nothing.
[Collection(DischargePlatformCollection.Name)]
public sealed class ErrorStatusTests(DischargePlatform platform)
{
    private Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient Client => platform.Client;

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetCaseAsync(new GetCaseRequest { CaseId = new string('a', 32) }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData("191212121213", "patient.personal_identity_number", "check digit")]
    [InlineData("19121212", "patient.personal_identity_number", "12 digits")]
    [InlineData("191213121212", "patient.personal_identity_number", "date part")]
    public async Task An_invalid_personnummer_is_an_invalid_argument_naming_the_field(string personnummer, string field, string reason)
    {
        var status = await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(
            Admission(DateTimeOffset.UtcNow.AddHours(-1), personnummer), await platform.AsUserAsync("karin.nyberg")));

        Assert.Equal(Code.InvalidArgument, (Code)status.Code);
        var violation = Assert.Single(Detail<BadRequest>(status).FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.Contains(reason, violation.Description);
        Assert.DoesNotContain(personnummer, status.Message);
    }

    [Fact]
    public async Task Unknown_municipality_and_unit_are_invalid_arguments()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var unknownMunicipality = Admission(DateTimeOffset.UtcNow.AddHours(-1), municipality: "9999");
        var unknownUnit = Admission(DateTimeOffset.UtcNow.AddHours(-1));
        unknownUnit.OutpatientUnit = new UnitRef { Id = "20-vc-9999" };

        Assert.Equal("residence_municipality", Field(await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(unknownMunicipality, karin))));
        Assert.Equal("outpatient_unit", Field(await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(unknownUnit, karin))));
    }

    [Fact]
    public async Task Missing_consent_is_a_failed_precondition_naming_the_scope()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var noConsent = Admission(DateTimeOffset.UtcNow.AddHours(-1));
        noConsent.Consent = Consent(DateTimeOffset.UtcNow.AddHours(-1), ConsentScope.Sip);

        var status = await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(noConsent, karin));

        Assert.Equal(Code.FailedPrecondition, (Code)status.Code);
        var violation = Assert.Single(Detail<PreconditionFailure>(status).Violations);
        Assert.Equal(("CONSENT", "CONSENT_SCOPE_SEND_NOTICES"), (violation.Type, violation.Subject));
    }

    [Fact]
    public async Task Only_inpatient_staff_send_notices()
    {
        var status = await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(
            Admission(DateTimeOffset.UtcNow.AddHours(-1)), await platform.AsUserAsync("anna.lind")));

        Assert.Equal(Code.PermissionDenied, (Code)status.Code);
        Assert.Contains("discharge-sender", status.Message);
    }

    [Fact]
    public async Task Steps_out_of_order_or_in_the_future_are_refused_and_change_nothing()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var now = DateTimeOffset.UtcNow;
        var caseId = (await Client.SendAdmissionNoticeAsync(Admission(now.AddHours(-2)), karin)).Accepted.CaseId;

        var beforeAdmission = await RefusedAsync(async () => await Client.NotifyReadyForDischargeAsync(
            new NotifyReadyForDischargeRequest { RequestId = NewId(), CaseId = caseId, JudgedReadyAt = At(now.AddHours(-3)) }, karin));
        var dischargeFirst = await RefusedAsync(async () => await Client.RegisterDischargeAsync(
            new RegisterDischargeRequest { RequestId = NewId(), CaseId = caseId, DischargedAt = At(now) }, karin));
        var future = await RefusedAsync(async () => await Client.NotifyReadyForDischargeAsync(
            new NotifyReadyForDischargeRequest { RequestId = NewId(), CaseId = caseId, JudgedReadyAt = At(now.AddHours(1)) }, karin));
        var duplicate = await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(
            Admission(now.AddHours(-1), (await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, karin)).Patient.PersonalIdentityNumber.Value), karin));

        Assert.Equal((Code.FailedPrecondition, "CASE_STATE"), ((Code)beforeAdmission.Code, Detail<PreconditionFailure>(beforeAdmission).Violations[0].Type));
        Assert.Equal(Code.FailedPrecondition, (Code)dischargeFirst.Code);
        Assert.Contains("Discharge before readiness", dischargeFirst.Message);
        Assert.Equal((Code.InvalidArgument, "judged_ready_at"), ((Code)future.Code, Field(future)));
        Assert.Equal(Code.AlreadyExists, (Code)duplicate.Code);
        Assert.Contains(caseId, duplicate.Message);
        Assert.Single((await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, karin)).Events);
    }

    [Fact]
    public async Task Malformed_ids_are_invalid_and_unknown_cases_not_found()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");

        var malformed = await RefusedAsync(async () => await Client.GetCaseAsync(new GetCaseRequest { CaseId = "../etc" }, karin));
        var unknown = await RefusedAsync(async () => await Client.GetCaseAsync(new GetCaseRequest { CaseId = new string('0', 32) }, karin));
        var noRequestId = await RefusedAsync(async () => await Client.NotifyReadyForDischargeAsync(
            new NotifyReadyForDischargeRequest { CaseId = new string('0', 32), JudgedReadyAt = At(DateTimeOffset.UtcNow) }, karin));

        Assert.Equal((Code.InvalidArgument, "case_id"), ((Code)malformed.Code, Field(malformed)));
        Assert.Equal(Code.NotFound, (Code)unknown.Code);
        Assert.Equal((Code.InvalidArgument, "request_id"), ((Code)noRequestId.Code, Field(noRequestId)));
    }

    [Fact]
    public async Task Refusals_and_notices_are_counted_in_the_metrics_without_personal_data()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var personnummer = "191212121213";
        await RefusedAsync(async () => await Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1), personnummer), karin));
        await Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1)), karin);

        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var metrics = "";
        for (var attempt = 0; attempt < 40 && !(metrics.Contains("samverkan_discharge_rejections") && metrics.Contains("samverkan_discharge_notices")); attempt++)
        {
            await Task.Delay(250);
            metrics = await http.GetStringAsync(new Uri(platform.Channel.Target.StartsWith("http") ? platform.Channel.Target : "http://" + platform.Channel.Target) + "metrics");
        }

        Assert.Contains("samverkan_discharge_rejections", metrics);
        Assert.Contains("operation=\"SendAdmissionNotice\"", metrics);
        Assert.Contains("samverkan_discharge_notices", metrics);
        Assert.DoesNotContain(personnummer, metrics);
        Assert.DoesNotContain(personnummer, platform.ServiceOutput);
    }

    private static async Task<Status> RefusedAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        return refused.GetRpcStatus() ?? new Status { Code = (int)refused.StatusCode, Message = refused.Status.Detail };
    }

    private static T Detail<T>(Status status) where T : Google.Protobuf.IMessage<T>, new() =>
        status.Details.Select(d => d.TryUnpack<T>(out var detail) ? detail : default).FirstOrDefault(d => d is not null)
        ?? throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} in the status details of '{status.Message}'.");

    private static string Field(Status status) => Assert.Single(Detail<BadRequest>(status).FieldViolations).Field;
}
