using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.TestSupport.Telemetry;
using Contract = Samverkan.Contracts.Discharge.V1.DischargeNotices;

namespace Samverkan.Privacy.Tests;

// Issue #21, item 2: the domain metrics carry the right values after a real flow (identity server,
// gateway, discharge service, access log, one real store), read from each process's /metrics as
// Prometheus scrapes it, with organisation codes as labels and nothing personal.
public sealed class DomainMetricsFlowTests(PrivacyPlatform platform) : IClassFixture<PrivacyPlatform>
{
    private const string Region = "20";
    private const string Falun = "2080";

    [Fact]
    public async Task A_notice_its_acknowledgement_a_failed_login_and_the_access_log_show_in_the_metrics()
    {
        using var discharge = H2c(platform.AddressOf("discharge-notices"));
        using var accessLog = H2c(platform.AddressOf("access-log"));
        using var identity = new HttpClient { BaseAddress = platform.AddressOf("identity") };
        var noticesBefore = (await PrometheusText.ScrapeAsync(discharge)).Sum("samverkan_discharge_notices_total", ("kind", "Admission"), ("organisation", Region));
        var acknowledgedBefore = (await PrometheusText.ScrapeAsync(discharge)).Sum("samverkan_discharge_acknowledgements_total", ("organisation", Falun));
        var failuresBefore = (await PrometheusText.ScrapeAsync(identity)).Sum("samverkan_identity_login_failures_total", ("reason", "invalid_credentials"));

        var tokens = platform.Identity.CreateTokenClient();
        var region = new Metadata { { "Authorization", "Bearer " + (await tokens.GetSystemTokenAsync("region-dalarna")).AccessToken } };
        var falun = new Metadata { { "Authorization", "Bearer " + (await tokens.GetSystemTokenAsync("falun")).AccessToken } };
        var client = new Contract.DischargeNoticesClient(platform.Channel);
        var sent = await client.SendAdmissionNoticeAsync(Admission(), region);
        var recipient = sent.Recipients.First(r => r.Organisation.Code == Falun);
        await client.AcknowledgeNoticeAsync(new AcknowledgeNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ActingUnit = recipient.Unit,
            CaseId = sent.Accepted.CaseId,
            NoticeSequence = sent.Accepted.EventSequence,
        }, falun);
        var refused = await tokens.RequestAsync([new("grant_type", "password"), new("client_id", Samverkan.TestSupport.Identity.TokenClient.TestsClient),
            new("username", "karin.nyberg"), new("password", "not-her-password")]);
        Assert.NotNull(refused.Error);

        var metrics = await PrometheusText.ScrapeUntilAsync(discharge, m =>
            m.Sum("samverkan_discharge_notices_total", ("kind", "Admission"), ("organisation", Region)) >= noticesBefore + 1
            && m.Sum("samverkan_discharge_acknowledgements_total", ("organisation", Falun)) >= acknowledgedBefore + 1);
        Assert.Equal(noticesBefore + 1, metrics.Sum("samverkan_discharge_notices_total", ("kind", "Admission"), ("organisation", Region)));
        Assert.Equal(acknowledgedBefore + 1, metrics.Sum("samverkan_discharge_acknowledgements_total", ("organisation", Falun)));
        var identityMetrics = await PrometheusText.ScrapeUntilAsync(identity, m =>
            m.Sum("samverkan_identity_login_failures_total", ("reason", "invalid_credentials")) >= failuresBefore + 1);
        Assert.Equal(failuresBefore + 1, identityMetrics.Sum("samverkan_identity_login_failures_total", ("reason", "invalid_credentials")));

        // The access log consumes the discharge service's audit channel: it reports its lag, which
        // reaches 0 once the flow's access records are chained.
        var log = await PrometheusText.ScrapeUntilAsync(accessLog, m =>
            m.Sum("samverkan_access_log_records_chained_total", ("source", "discharge")) >= 2
            && m.Samples.Any(s => s.Name == "samverkan_events_consumer_lag" && s.Labels["channel"] == "discharge/audit" && s.Value == 0),
            TimeSpan.FromSeconds(30));
        Assert.True(log.Sum("samverkan_access_log_records_chained_total", ("source", "discharge")) >= 2, "no access records chained");
        var lag = Assert.Single(log.Samples, s => s.Name == "samverkan_events_consumer_lag" && s.Labels["channel"] == "discharge/audit");
        Assert.Equal(0, lag.Value);
        Assert.Equal("access-log", lag.Labels["consumer"]);
    }

    private static HttpClient H2c(Uri address) => new()
    {
        BaseAddress = address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static SendAdmissionNoticeRequest Admission()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var discharge = now.AddDays(5);
        return new SendAdmissionNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ActingUnit = new UnitRef { Id = "20-slv-falun-med" },
            Patient = new Patient
            {
                PersonalIdentityNumber = new PersonalIdentityNumber { Value = "191212121212" },
                GivenName = "Tolvan",
                FamilyName = "Tolvansson",
            },
            ResidenceMunicipality = new OrganisationRef { Code = Falun },
            AdmittedAt = Timestamp.FromDateTimeOffset(now),
            Needs = { CareNeed.SocialServices },
            CareType = CareType.Somatic,
            EstimatedDischargeDate = new Google.Type.Date { Year = discharge.Year, Month = discharge.Month, Day = discharge.Day },
            Consent = new Consent
            {
                Scopes = { ConsentScope.SendNotices },
                GivenAt = Timestamp.FromDateTimeOffset(now),
                Form = ConsentForm.Verbal,
                Giver = ConsentGiver.Patient,
            },
        };
    }
}
