using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 6 (analyst): the indicators per municipality as charts with table alternatives, counts of
// the cases created here (Rättvik 5: shown; Orsa 2: "<5"), period validation as the user types,
// and no WCAG 2.1 A/AA violation. No other portal test uses Rättvik or Orsa residents.
[Collection(PortalCollection.Name)]
public sealed class AnalystIndicatorTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task The_analyst_sees_charts_per_municipality_with_small_counts_suppressed()
    {
        await AdmitAsync("2031", 5);
        await AdmitAsync("2034", 2);

        var ingrid = await platform.LoginAsync("ingrid.wall", "/indikatorer");
        await ingrid.GetByRole(AriaRole.Heading, new() { Name = "Indikatorer per kommun", Level = 1 }).WaitForAsync();
        var cases = ingrid.GetByRole(AriaRole.Figure, new() { Name = "Ärenden per kommun" });
        await cases.WaitForAsync();

        // Discharge: one chart for cases, four for the deadlines, two for the ready days; SIP: plans,
        // overdue, plans by state. Each an SVG image named by its caption, its table behind "Visa som tabell".
        await ingrid.GetByRole(AriaRole.Figure, new() { Name = "SIP-planer per kommun" }).WaitForAsync();
        Assert.Equal(10, await ingrid.Locator("figure.chart svg[role=img]").CountAsync());
        await cases.GetByText("Visa som tabell: Ärenden per kommun").ClickAsync();
        var table = ingrid.GetByRole(AriaRole.Table, new() { Name = "Ärenden per kommun" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Rättviks kommun" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("5");
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Orsa kommun" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("<5");
        // The suppressed figure has no bar, only its text; the shown one has a bar.
        Assert.Contains("&lt;5", await cases.Locator("svg").InnerHTMLAsync());
        await Assertions.Expect(ingrid.GetByText("betyder 1–4 ärenden")).ToBeVisibleAsync();

        await CheckAccessibilityAsync(ingrid, "indikatorer");

        // The period is checked as it is typed, with what to do.
        await ingrid.GetByLabel("Första månad").FillAsync("2017-06");
        await Assertions.Expect(ingrid.Locator("#fran-fel")).ToContainTextAsync("inte vara före januari 2018");
        await Assertions.Expect(ingrid.GetByLabel("Första månad")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAccessibilityAsync(ingrid, "indikatorer-period-fel");

        await ingrid.Context.CloseAsync();
    }

    private async Task AdmitAsync(string municipality, int count)
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpcAddress);
        var client = new DischargeNotices.DischargeNoticesClient(channel);
        for (var i = 0; i < count; i++)
        {
            // The fixture's access tokens live 10 s: a fresh one per notice.
            var token = (await platform.Identity.CreateTokenClient().GetUserTokenAsync("karin.nyberg")).AccessToken;
            var options = new CallOptions(new Metadata { { "authorization", "Bearer " + token } });
            var patient = TestPatient.Create("Indikator");
            var admitted = DateTimeOffset.UtcNow.AddHours(-1);
            var request = new SendAdmissionNoticeRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Patient = new Patient
                {
                    PersonalIdentityNumber = new PersonalIdentityNumber { Value = patient.PersonalIdentityNumber },
                    GivenName = patient.GivenName,
                    FamilyName = patient.FamilyName,
                    RegisteredAddress = new PostalAddress { Street = "Storgatan 1", PostalCode = "795 30", City = "Rättvik" },
                },
                ResidenceMunicipality = new OrganisationRef { Code = municipality },
                AdmittedAt = Timestamp.FromDateTimeOffset(admitted),
                CareType = CareType.Somatic,
                EstimatedDischargeDate = new Google.Type.Date { Year = admitted.AddDays(5).Year, Month = admitted.AddDays(5).Month, Day = admitted.AddDays(5).Day },
                Consent = new Consent { GivenAt = Timestamp.FromDateTimeOffset(admitted), Form = ConsentForm.Verbal, Giver = ConsentGiver.Patient },
            };
            request.Consent.Scopes.Add(ConsentScope.SendNotices);
            request.Needs.AddRange([CareNeed.SocialServices, CareNeed.MunicipalHealthCare]);
            await client.SendAdmissionNoticeAsync(request, options);
        }
    }

    private static async Task CheckAccessibilityAsync(IPage page, string name)
    {
        var violations = await Axe.ViolationsAsync(page, name);
        Assert.True(violations.Count == 0, "WCAG 2.1 A/AA violations:\n" + string.Join("\n", violations));
    }
}
