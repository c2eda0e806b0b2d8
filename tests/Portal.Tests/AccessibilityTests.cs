using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 6: axe-core finds no WCAG 2.1 A/AA violation on the main pages at 1280x720, and the pages
// work from the keyboard. With PORTAL_SCREENSHOTS_DIR set (scripts/portal-screenshots.sh) each
// checked page is also saved as a screenshot for docs/portal/ (the SIP pages too).
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalPlatform platform)
{
    private readonly List<string> _violations = [];

    [ChromiumFact]
    public async Task Main_pages_have_no_WCAG_21_AA_violations()
    {
        var patient = TestPatient.Create("Tillganglig");
        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        await CheckAsync(karin, "nytt-inskrivningsmeddelande");
        await platform.StepAsync(karin, async () =>
        {
            // The form with its error summary and field errors.
            await karin.GetByLabel("Personnummer").FillAsync("19121212-1213");
            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka inskrivningsmeddelande" }).ClickAsync();
            await karin.Locator(".error-summary").WaitForAsync();
        });
        await CheckAsync(karin, "formular-med-fel");
        await platform.StepAsync(karin, async () =>
        {
            await AdmissionFormSteps.FillAsync(karin, patient, "2080");
            await AdmissionFormSteps.SendAsync(karin);
        });
        await CheckAsync(karin, "arende");
        await GoAsync(karin, "/", "Att göra");
        await CheckAsync(karin, "start-avdelning");
        await GoAsync(karin, "/utskrivning", "Öppna ärenden");
        await CheckAsync(karin, "oppna-arenden");
        // While Karin's session is fresh (the test realm's idle timeout is 30 s): a referral.
        var relative = TestPatient.Create("Anhorig");
        await GoAsync(karin, "/anhorigstod/hanvisa", "Hänvisa anhörig till anhörigstöd");
        await CheckAsync(karin, "hanvisa-anhorig");
        await platform.StepAsync(karin, async () =>
        {
            await karin.GetByLabel("Förnamn").FillAsync(relative.GivenName);
            await karin.GetByLabel("Efternamn").FillAsync(relative.FamilyName);
            await karin.GetByLabel("Den anhörige är till den som får vård eller omsorg").SelectOptionAsync(new SelectOptionValue { Label = "Förälder" });
            await karin.GetByLabel("Kommun där den anhörige bor").SelectOptionAsync("2080");
            await karin.GetByLabel("samtycker till att uppgifterna lämnas").CheckAsync();
            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka hänvisning" }).ClickAsync();
            await karin.GetByTestId("referral-status").WaitForAsync();
        });
        await CheckAsync(karin, "hanvisning-status");

        var anna = await platform.LoginAsync("anna.lind");
        await anna.GetByText(patient.FullName).First.WaitForAsync();
        await CheckAsync(anna, "start-kommun");
        await GoAsync(anna, "/utskrivning/inkorg", "Inkorg");
        await CheckAsync(anna, "inkorg");
        await GoAsync(anna, "/utskrivning/betalningsansvar", "Kommunens betalningsansvar");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Visa underlag" }).ClickAsync();
        await anna.GetByTestId("amount").WaitForAsync();
        await CheckAsync(anna, "betalningsansvar");

        var eva = await platform.LoginAsync("eva.strom", "/logg");
        await eva.Locator("table").Or(eva.GetByText("Inga åtkomster i perioden.")).First.WaitForAsync();
        await CheckAsync(eva, "loggranskning");
        await GoAsync(eva, "/logg/registerutdrag", "Registerutdrag ur loggen");
        await eva.GetByLabel("Personnummer").FillAsync(patient.Dashed);
        await eva.GetByRole(AriaRole.Button, new() { Name = "Ta fram registerutdrag" }).ClickAsync();
        await eva.Locator(".extract-text").WaitForAsync();
        await CheckAsync(eva, "registerutdrag");

        await eva.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await eva.GetByRole(AriaRole.Heading, new() { Name = "Du är utloggad" }).WaitForAsync();
        await CheckAsync(eva, "utloggad");

        var greta = await platform.LoginAsync("greta.lund", "/anhorigstod");
        await greta.GetByText(relative.FullName).First.WaitForAsync();
        await CheckAsync(greta, "anhorigstod");
        await platform.StepAsync(greta, async () =>
        {
            await greta.GetByRole(AriaRole.Button, new() { Name = $"Ta emot hänvisningen för {relative.FullName}" }).ClickAsync();
            await greta.GetByRole(AriaRole.Heading, new() { Name = relative.FullName, Level = 1 }).WaitForAsync();
            await greta.GetByLabel("Erbjud stöd ur kommunens utbud").SelectOptionAsync(new SelectOptionValue { Label = "Samtalsstöd" });
            await greta.GetByRole(AriaRole.Button, new() { Name = "Erbjud stöd" }).ClickAsync();
            await greta.GetByText("Stödet är erbjudet.").WaitForAsync();
            await greta.GetByRole(AriaRole.Button, new() { Name = "Återkalla samtycket …" }).ClickAsync();
        });
        await CheckAsync(greta, "anhorig");
        await GoAsync(greta, "/anhorigstod/ny", "Registrera anhörig");
        await greta.GetByRole(AriaRole.Button, new() { Name = "Registrera anhörig" }).ClickAsync();
        await greta.Locator(".error-summary").WaitForAsync();
        await CheckAsync(greta, "registrera-anhorig-med-fel");
        await GoAsync(greta, "/anhorigstod/anhoriga", "Våra anhöriga");
        await greta.GetByRole(AriaRole.Link, new() { Name = relative.FullName }).WaitForAsync();
        await CheckAsync(greta, "vara-anhoriga");

        var client = TestPatient.Create("Ombud");
        var karl = await platform.LoginAsync("karl.holm", "/personligt-ombud/nytt");
        await CheckAsync(karl, "nytt-uppdrag");
        await platform.StepAsync(karl, async () =>
        {
            await karl.GetByLabel("Personnummer").FillAsync(client.Dashed);
            await karl.GetByLabel("Förnamn").FillAsync(client.GivenName);
            await karl.GetByLabel("Efternamn").FillAsync(client.FamilyName);
            await karl.GetByLabel("Boende").CheckAsync();
            await karl.GetByLabel("Klientens första mål").FillAsync("Behålla lägenheten.");
            await karl.GetByRole(AriaRole.Button, new() { Name = "Öppna uppdraget" }).ClickAsync();
            await karl.GetByText("Uppdraget är öppnat.").WaitForAsync();
            await karl.GetByLabel("Ny arbetsanteckning").FillAsync("Första mötet.");
            await karl.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
            await karl.GetByText("Anteckningen är sparad.").WaitForAsync();
        });
        await CheckAsync(karl, "uppdrag");
        await GoAsync(karl, "/personligt-ombud", "Mina uppdrag");
        await CheckAsync(karl, "mina-uppdrag");
        await GoAsync(karl, "/personligt-ombud/systembrister", "Systembrister");
        await CheckAsync(karl, "systembrister");
        await GoAsync(karl, "/personligt-ombud/arsuppfoljning", "Årsuppföljning");
        await karl.GetByTestId("clients").WaitForAsync();
        await CheckAsync(karl, "arsuppfoljning");

        Assert.True(_violations.Count == 0, "WCAG 2.1 A/AA violations:\n" + string.Join("\n", _violations));
        foreach (var page in new[] { karin, anna, eva, greta, karl }) await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Sip_pages_have_no_WCAG_21_AA_violations()
    {
        var person = TestPatient.Create("Tillgangligsip");
        var anna = await platform.LoginAsync("anna.lind", "/sip");
        await anna.Locator("table").Or(anna.GetByText("Inga planer att visa.")).First.WaitForAsync();
        await CheckAsync(anna, "sip-lista");
        await GoAsync(anna, "/sip/ny", "Starta en SIP");
        await platform.StepAsync(anna, async () =>
        {
            await anna.GetByRole(AriaRole.Button, new() { Name = "Starta SIP" }).ClickAsync();
            await anna.Locator(".error-summary").WaitForAsync();
        });
        await CheckAsync(anna, "sip-ny-med-fel");
        await platform.StepAsync(anna, () => SipFlowSteps.StartPlanAsync(anna, person));
        await CheckAsync(anna, "sip-plan-samtycke");
        await platform.StepAsync(anna, async () =>
        {
            await SipFlowSteps.ConsentAndPrepareAsync(anna);
            await SipFlowSteps.InviteAsync(anna, "Socialtjänsten, Falun", "Hälsocentral Falun");
        });
        await CheckAsync(anna, "sip-plan-mote");
        await platform.StepAsync(anna, async () =>
        {
            await SipFlowSteps.RecordMeetingAsync(anna);
            await SipFlowSteps.WriteContentAsync(anna, "Falu kommun", "Region Dalarna");
        });
        await CheckAsync(anna, "sip-plan-innehall");
        await platform.StepAsync(anna, () => SipFlowSteps.AgreeAsync(anna));
        await CheckAsync(anna, "sip-plan-overenskommen");
        await platform.StepAsync(anna, async () =>
        {
            await anna.GetByRole(AriaRole.Link, new() { Name = "Skriv ut planen", Exact = false }).ClickAsync();
            await anna.GetByRole(AriaRole.Heading, new() { Name = "Samordnad individuell plan (SIP)", Level = 1 }).WaitForAsync();
        });
        await CheckAsync(anna, "sip-utskrift");
        await GoAsync(anna, "/", "Att göra");
        await anna.GetByRole(AriaRole.Heading, new() { Name = "SIP som väntar på din organisation", Exact = false }).WaitForAsync();
        await CheckAsync(anna, "start-sip");

        Assert.True(_violations.Count == 0, "WCAG 2.1 A/AA violations:\n" + string.Join("\n", _violations));
        await anna.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_skip_link_leads_to_the_content_and_a_notice_can_be_acknowledged_from_the_keyboard()
    {
        var patient = TestPatient.Create("Tangentbord");
        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        await platform.StepAsync(karin, async () =>
        {
            await AdmissionFormSteps.FillAsync(karin, patient, "2080");
            await AdmissionFormSteps.SendAsync(karin);
        });

        var maria = await platform.LoginAsync("maria.sund", "/utskrivning/inkorg");
        await platform.StepAsync(maria, async () =>
        {
            // Each page puts focus on its heading (so a screen reader announces it); the skip link is
            // the first stop in the tab order and moves focus to the content.
            await Assertions.Expect(maria.Locator("h1")).ToBeFocusedAsync();
            Assert.Equal("skip-link", await maria.EvaluateAsync<string>("document.querySelector('a[href], button, input, select, textarea').className"));
            var skip = maria.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
            await skip.FocusAsync();
            await Assertions.Expect(skip).ToBeInViewportAsync();
            await maria.Keyboard.PressAsync("Enter");
            await Assertions.Expect(maria.Locator("main")).ToBeFocusedAsync();

            // Tab through the content until the acknowledge button of the new notice has focus.
            var button = maria.GetByRole(AriaRole.Button, new() { Name = $"Kvittera inskrivningsmeddelande för {patient.FullName}" });
            await button.WaitForAsync();
            for (var i = 0; i < 80 && !await button.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
            {
                await maria.Keyboard.PressAsync("Tab");
            }
            await Assertions.Expect(button).ToBeFocusedAsync();
            await maria.Keyboard.PressAsync("Enter");
            // The notice's row shows it acknowledged. (The status line may already have moved on to the
            // live "Nya meddelanden har kommit." that the acknowledgement's own feed entry causes.)
            await maria.Locator("tr", new() { HasText = patient.FullName }).GetByText("Kvitterat").WaitForAsync();
        });
        await karin.Context.CloseAsync();
        await maria.Context.CloseAsync();
    }

    private async Task GoAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(new Uri(platform.PortalAddress, path).ToString());
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
    }

    private async Task CheckAsync(IPage page, string name) => _violations.AddRange(await Axe.ViolationsAsync(page, name));
}
