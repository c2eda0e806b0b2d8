using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 5, personal ombudsmen: a PO opens an assignment on the client's mandate, adds a goal and a
// working note, goes through them with the client and closes the assignment, which destroys what
// was written; a PO of another municipality cannot open it.
[Collection(PortalCollection.Name)]
public sealed class OmbudWorkspaceTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task A_personal_ombudsman_opens_an_assignment_adds_a_goal_and_a_note_and_closes_it()
    {
        var client = TestPatient.Create("Klient");
        var karl = await platform.LoginAsync("karl.holm", "/personligt-ombud/nytt");
        var address = "";
        await platform.StepAsync(karl, async () =>
        {
            await karl.GetByLabel("Personnummer").FillAsync(client.Dashed);
            await karl.GetByLabel("Förnamn").FillAsync(client.GivenName);
            await karl.GetByLabel("Efternamn").FillAsync(client.FamilyName);
            await karl.GetByLabel("Ekonomi").CheckAsync();
            await karl.GetByLabel("Klientens första mål").FillAsync("Få ordning på räkningarna.");
            await karl.GetByRole(AriaRole.Button, new() { Name = "Öppna uppdraget" }).ClickAsync();
            await karl.GetByText("Uppdraget är öppnat.").WaitForAsync();
            await karl.GetByRole(AriaRole.Heading, new() { Name = $"Uppdrag: {client.FullName}" }).WaitForAsync();
            address = new Uri(karl.Url).AbsolutePath;

            await karl.GetByLabel("Nytt mål").FillAsync("Hitta en sysselsättning.");
            await karl.GetByRole(AriaRole.Button, new() { Name = "Lägg till mål" }).ClickAsync();
            await karl.GetByText("Målet är sparat.").WaitForAsync();

            // The notes say whose they are and what happens to them at closing.
            await karl.GetByText("ingen journal", new() { Exact = false }).WaitForAsync();
            await karl.GetByText("När uppdraget avslutas förstörs de", new() { Exact = false }).WaitForAsync();
            await karl.GetByLabel("Ny arbetsanteckning").FillAsync("Ringde Försäkringskassan, återkommer.");
            await karl.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
            await karl.GetByText("Anteckningen är sparad.").WaitForAsync();

            // The client goes through the new goal and agrees.
            await karl.GetByLabel("Mål: Hitta en sysselsättning.").CheckAsync();
            await karl.GetByRole(AriaRole.Button, new() { Name = "Klienten godkänner det markerade" }).ClickAsync();
            await karl.GetByText("Klientens godkännande är sparat.").WaitForAsync();
        });

        // The assignment is in the unit's list.
        await platform.StepAsync(karl, async () =>
        {
            await karl.GotoAsync(new Uri(platform.PortalAddress, "/personligt-ombud").ToString());
            await karl.GetByRole(AriaRole.Link, new() { Name = client.FullName }).WaitForAsync();
        });

        // Ludvika's ombudsman cannot open a Falun assignment.
        var olof = await platform.LoginAsync("olof.stark", address);
        await platform.StepAsync(olof, async () =>
        {
            await olof.GetByText("Du har inte behörighet att göra detta med din roll och enhet.").WaitForAsync();
            Assert.Equal(0, await olof.GetByText(client.FamilyName).CountAsync());
        });

        // Closing asks first, then destroys everything about the client.
        await platform.StepAsync(karl, async () =>
        {
            await karl.GotoAsync(new Uri(platform.PortalAddress, address).ToString());
            await karl.GetByLabel("Hur uppdraget slutade").SelectOptionAsync(new SelectOptionValue { Label = "Klientens mål är uppnådda" });
            await karl.GetByRole(AriaRole.Button, new() { Name = "Avsluta uppdraget …" }).ClickAsync();
            await karl.GetByRole(AriaRole.Button, new() { Name = "Ja, avsluta och förstör uppgifterna" }).ClickAsync();
            await karl.GetByText("Uppdraget är avslutat.", new() { Exact = false }).WaitForAsync();

            await karl.GotoAsync(new Uri(platform.PortalAddress, address).ToString());
            await karl.Locator(".alert-error").WaitForAsync();
            Assert.Equal(0, await karl.GetByText(client.FamilyName).CountAsync());
            await karl.GotoAsync(new Uri(platform.PortalAddress, "/personligt-ombud").ToString());
            await karl.GetByRole(AriaRole.Heading, new() { Name = "Mina uppdrag" }).WaitForAsync();
            await karl.GetByText("Inga öppna uppdrag.").Or(karl.Locator("table")).First.WaitForAsync();
            Assert.Equal(0, await karl.GetByText(client.FamilyName).CountAsync());
        });

        foreach (var page in new[] { karl, olof }) await page.Context.CloseAsync();
    }
}
