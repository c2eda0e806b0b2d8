using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 5, relative support: a ward refers a relative (with consent) to the municipality where the
// relative lives; that municipality's consultant sees it on the start page, accepts it and
// registers support; another municipality's consultant sees nothing; the ward sees only the status.
[Collection(PortalCollection.Name)]
public sealed class RelativeSupportWorkspaceTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task A_ward_refers_a_relative_and_only_the_consultant_of_their_municipality_takes_it_on()
    {
        var relative = TestPatient.Create("Anhörig");
        // Karin: a ward nurse of the region's hospital in Falun; the relative lives in Falun (2080).
        var karin = await platform.LoginAsync("karin.nyberg", "/anhorigstod/hanvisa");
        var statusAddress = "";
        await platform.StepAsync(karin, async () =>
        {
            await karin.GetByLabel("Förnamn").FillAsync(relative.GivenName);
            await karin.GetByLabel("Efternamn").FillAsync(relative.FamilyName);
            // A wrong check digit is caught as the twelfth digit is typed.
            await karin.GetByLabel("Personnummer").FillAsync(relative.PersonalIdentityNumber[..11] + ((relative.PersonalIdentityNumber[11] - '0' + 1) % 10));
            await karin.GetByText("Kontrollsiffran (sista siffran) stämmer inte.").WaitForAsync();
            await karin.GetByLabel("Personnummer").FillAsync(relative.Dashed);
            await Assertions.Expect(karin.GetByText("Kontrollsiffran (sista siffran) stämmer inte.")).ToHaveCountAsync(0);
            await karin.GetByLabel("Den anhörige är till den som får vård eller omsorg").SelectOptionAsync(new SelectOptionValue { Label = "Make, maka, sambo eller partner" });
            await karin.GetByLabel("Kommun där den anhörige bor").SelectOptionAsync("2080");
            await karin.GetByLabel("Behov som du har sett").FillAsync("Orkar inte längre, behöver avlösning.");

            // Without consent nothing is sent, and nothing typed is lost.
            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka hänvisning" }).ClickAsync();
            await karin.Locator(".error-summary").GetByText("Hänvisningen kräver den anhöriges samtycke", new() { Exact = false }).WaitForAsync();
            await Assertions.Expect(karin.GetByLabel("Förnamn")).ToHaveValueAsync(relative.GivenName);

            await karin.GetByLabel("samtycker till att uppgifterna lämnas").CheckAsync();
            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka hänvisning" }).ClickAsync();
            await karin.GetByText("Hänvisningen är skickad till kommunens anhörigstöd.").WaitForAsync();
            await Assertions.Expect(karin.GetByTestId("referral-status")).ToHaveTextAsync("Mottagen, inte behandlad ännu");
            statusAddress = new Uri(karin.Url).AbsolutePath;
        });

        // Borlänge's consultant does not see a Falun referral.
        var sara = await platform.LoginAsync("sara.falk", "/anhorigstod");
        await platform.StepAsync(sara, async () =>
        {
            await sara.GetByRole(AriaRole.Heading, new() { Name = "Hänvisningar att ta emot", Exact = false }).WaitForAsync();
            Assert.Equal(0, await sara.GetByText(relative.FamilyName).CountAsync());
        });

        // Falun's consultant: the start page says a referral waits; she accepts it and records support.
        var greta = await platform.LoginAsync("greta.lund");
        var relativeAddress = "";
        await platform.StepAsync(greta, async () =>
        {
            await greta.Locator("section", new() { HasText = "Hänvisningar att ta emot" }).GetByText(relative.FullName).WaitForAsync();
            await greta.GetByRole(AriaRole.Link, new() { Name = "Ta emot hänvisningar i anhörigstödet" }).ClickAsync();
            await greta.GetByRole(AriaRole.Button, new() { Name = $"Ta emot hänvisningen för {relative.FullName}" }).ClickAsync();
            await greta.GetByText("Hänvisningen är mottagen och den anhörige registrerad").WaitForAsync();
            await greta.GetByRole(AriaRole.Heading, new() { Name = relative.FullName, Level = 1 }).WaitForAsync();
            relativeAddress = new Uri(greta.Url).AbsolutePath;

            await greta.GetByLabel("Nytt behov").FillAsync("Vill träffa andra i samma situation.");
            await greta.GetByRole(AriaRole.Button, new() { Name = "Spara behov" }).ClickAsync();
            await greta.GetByText("Behovet är sparat.").WaitForAsync();
            await greta.GetByText("Vill träffa andra i samma situation.").WaitForAsync();

            await greta.GetByLabel("Erbjud stöd ur kommunens utbud").SelectOptionAsync(new SelectOptionValue { Label = "Anhöriggrupp" });
            await greta.GetByRole(AriaRole.Button, new() { Name = "Erbjud stöd" }).ClickAsync();
            await greta.GetByText("Stödet är erbjudet.").WaitForAsync();
            await greta.GetByRole(AriaRole.Button, new() { Name = "Påbörjat: Anhöriggrupp" }).ClickAsync();
            await greta.Locator("tr", new() { HasText = "Anhöriggrupp" }).GetByText("Påbörjat", new() { Exact = true }).WaitForAsync();

            await greta.GetByLabel("Stödkontaktens namn").FillAsync("Greta Lund");
            await greta.GetByRole(AriaRole.Button, new() { Name = "Utse stödkontakt" }).ClickAsync();
            await Assertions.Expect(greta.GetByTestId("support-contact")).ToHaveTextAsync("Greta Lund");

            await greta.GetByLabel("Vad uppföljningen visade").FillAsync("Trivs i gruppen.");
            await greta.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljning" }).ClickAsync();
            await greta.GetByText("Uppföljningen är sparad.").WaitForAsync();
        });

        // The ward sees the status change, and nothing more about the relative.
        await platform.StepAsync(karin, async () =>
        {
            await karin.ReloadAsync();
            await Assertions.Expect(karin.GetByTestId("referral-status")).ToHaveTextAsync("Tagen om hand av kommunens anhörigstöd");
            Assert.Equal(0, await karin.GetByText(relative.FamilyName).CountAsync());
            Assert.Equal(0, await karin.GetByText("Anhöriggrupp").CountAsync());
        });

        // Borlänge's consultant cannot open the relative by its address either.
        await platform.StepAsync(sara, async () =>
        {
            await sara.GotoAsync(new Uri(platform.PortalAddress, relativeAddress).ToString());
            await sara.GetByText("Ärendet finns inte, eller så har du inte behörighet att se det.").WaitForAsync();
            Assert.Equal(0, await sara.GetByText(relative.FamilyName).CountAsync());
        });

        // The relative withdraws consent: after a confirmation everything about them is erased, and
        // the ward's status says so.
        await platform.StepAsync(greta, async () =>
        {
            await greta.GetByRole(AriaRole.Button, new() { Name = "Återkalla samtycket …" }).ClickAsync();
            await greta.GetByRole(AriaRole.Button, new() { Name = "Ja, radera allt om den anhörige" }).ClickAsync();
            await greta.GetByText("Samtycket är återkallat.", new() { Exact = false }).WaitForAsync();
            await greta.GotoAsync(new Uri(platform.PortalAddress, relativeAddress).ToString());
            await greta.GetByText("Ärendet finns inte, eller så har du inte behörighet att se det.").WaitForAsync();
        });
        await platform.StepAsync(karin, async () =>
        {
            await karin.GotoAsync(new Uri(platform.PortalAddress, statusAddress).ToString());
            await Assertions.Expect(karin.GetByTestId("referral-status")).ToContainTextAsync("Återkallad");
        });

        foreach (var page in new[] { karin, sara, greta }) await page.Context.CloseAsync();
    }
}
