using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Items 2 and 3: the ward sends the notices of a case; the municipality sees them arrive live on
// its start page and acknowledges; another municipality cannot see the case; finance reads the
// monthly statement.
[Collection(PortalCollection.Name)]
public sealed class DischargeWorkspaceTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task Ward_sends_every_step_and_the_municipality_sees_the_notice_arrive_live_and_acknowledges()
    {
        var patient = TestPatient.Create("Live");
        // Falun's social worker is already looking at her start page.
        var anna = await platform.LoginAsync("anna.lind");
        await anna.GetByRole(AriaRole.Heading, new() { Name = "Meddelanden att kvittera", Exact = false }).WaitForAsync();

        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        var caseId = "";
        await platform.StepAsync(karin, async () =>
        {
            await AdmissionFormSteps.FillAsync(karin, patient, "2080");
            caseId = await AdmissionFormSteps.SendAsync(karin);
        });
        Assert.Equal("Inskriven", await karin.GetByTestId("case-status").InnerTextAsync());

        // Live: the notice appears on Anna's open page without her doing anything (notice stream).
        await platform.StepAsync(anna, async () =>
        {
            var acknowledge = anna.GetByRole(AriaRole.Button, new() { Name = $"Kvittera inskrivningsmeddelande för {patient.FullName}" });
            await acknowledge.WaitForAsync();
            await acknowledge.ClickAsync();
            await anna.GetByText($"Inskrivningsmeddelande för {patient.FullName} är kvitterat.").WaitForAsync();
        });

        // The ward sees the acknowledgement, then sends readiness, information and the discharge.
        await platform.StepAsync(karin, async () =>
        {
            await karin.ReloadAsync();
            var annasRow = karin.Locator("tr", new() { HasText = "Socialtjänsten, Falun" }).First;
            await Assertions.Expect(annasRow).Not.ToContainTextAsync("Inte kvitterat");

            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka underrättelse" }).ClickAsync();
            await Assertions.Expect(karin.GetByTestId("case-status")).ToHaveTextAsync("Utskrivningsklar");

            await karin.GetByLabel("Information till mottagarna").FillAsync("Behöver hjälp med läkemedel morgon och kväll.");
            await karin.GetByRole(AriaRole.Button, new() { Name = "Överför information" }).ClickAsync();
            await karin.GetByText("Informationen är överförd till mottagarna.").WaitForAsync();

            await karin.GetByRole(AriaRole.Button, new() { Name = "Registrera utskrivning" }).ClickAsync();
            await Assertions.Expect(karin.GetByTestId("case-status")).ToHaveTextAsync("Utskriven");
        });

        // Mora's social worker cannot see a Falun resident's case, neither by its address nor in lists.
        var erik = await platform.LoginAsync("erik.berg", $"/utskrivning/arende/{caseId}");
        await platform.StepAsync(erik, async () =>
        {
            await erik.GetByText("Ärendet finns inte, eller så har du inte behörighet att se det.").WaitForAsync();
            Assert.Equal(0, await erik.GetByText(patient.FamilyName).CountAsync());
            await erik.GotoAsync(new Uri(platform.PortalAddress, "/utskrivning/inkorg").ToString());
            await erik.GetByRole(AriaRole.Heading, new() { Name = "Inkorg" }).WaitForAsync();
            await erik.GetByText("Inga meddelanden.").Or(erik.Locator("table")).First.WaitForAsync();
            Assert.Equal(0, await erik.GetByText(patient.FamilyName).CountAsync());
        });

        // Falun's finance view: the monthly statement for the municipality.
        await platform.StepAsync(anna, async () =>
        {
            await anna.GetByRole(AriaRole.Link, new() { Name = "Betalningsansvar" }).ClickAsync();
            await anna.GetByRole(AriaRole.Button, new() { Name = "Visa underlag" }).ClickAsync();
            await anna.GetByRole(AriaRole.Heading, new() { Name = "Underlag", Exact = false }).WaitForAsync();
            await Assertions.Expect(anna.GetByTestId("amount")).ToContainTextAsync("kr");
        });

        foreach (var page in new[] { anna, karin, erik }) await page.Context.CloseAsync();
    }
}
