using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 4 (auditor): Falun's log reviewer finds the reads Falun's staff made and produces a
// person's log extract; Mora's reviewer does not see Falun's accesses.
[Collection(PortalCollection.Name)]
public sealed class AuditorTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task Auditor_reviews_her_organisations_accesses_and_produces_a_persons_log_extract()
    {
        var patient = TestPatient.Create("Logg");
        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        await platform.StepAsync(karin, async () =>
        {
            await AdmissionFormSteps.FillAsync(karin, patient, "2080");
            await AdmissionFormSteps.SendAsync(karin);
        });
        // Falun's social worker reads the notice: an access by a Falun user to the patient's data.
        var anna = await platform.LoginAsync("anna.lind", "/utskrivning/inkorg");
        await anna.GetByText(patient.FullName).First.WaitForAsync();

        var eva = await platform.LoginAsync("eva.strom", "/logg");
        await platform.StepAsync(eva, async () =>
        {
            // The access log collects records asynchronously: search again until anna's read is in.
            var annasRead = eva.Locator("tbody tr", new() { HasText = "anna.lind" }).First;
            for (var attempt = 0; attempt < 20 && await annasRead.CountAsync() == 0; attempt++)
            {
                await Task.Delay(500);
                await eva.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
                await eva.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }
            await Assertions.Expect(annasRead).ToContainTextAsync("Läsning");
            // Only Falun's users: the region's nurse who sent the notice is not Falun's to review.
            Assert.Equal(0, await eva.Locator("tbody tr", new() { HasText = "karin.nyberg" }).CountAsync());

            await eva.GetByRole(AriaRole.Link, new() { Name = "Registerutdrag ur loggen" }).ClickAsync();
            await eva.GetByLabel("Personnummer").FillAsync(patient.Dashed);
            await eva.GetByRole(AriaRole.Button, new() { Name = "Ta fram registerutdrag" }).ClickAsync();
            await Assertions.Expect(eva.Locator("tbody")).ToContainTextAsync("Socialtjänsten, Falun");
            await Assertions.Expect(eva.Locator(".extract-text")).ToContainTextAsync("Falu kommun");
        });

        // Mora's reviewer sees none of Falun's accesses.
        var nils = await platform.LoginAsync("nils.moberg", "/logg");
        await platform.StepAsync(nils, async () =>
        {
            await nils.GetByRole(AriaRole.Heading, new() { Name = "Loggranskning" }).WaitForAsync();
            await nils.GetByText("Inga åtkomster i perioden.").Or(nils.Locator("table")).First.WaitForAsync();
            Assert.Equal(0, await nils.Locator("tbody tr", new() { HasText = "anna.lind" }).CountAsync());
        });

        foreach (var page in new[] { karin, anna, eva, nils }) await page.Context.CloseAsync();
    }
}
