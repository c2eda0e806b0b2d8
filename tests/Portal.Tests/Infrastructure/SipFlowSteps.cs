using System.Globalization;
using Microsoft.Playwright;

namespace Samverkan.Portal.Tests.Infrastructure;

// The SIP workspace's steps as staff take them in the browser: by label or the field's id where
// labels repeat (rows of interventions, goals, contacts).
public static class SipFlowSteps
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Stockholm);

    public static string DateTimeLocal(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Upptäck behov: starts a plan on /sip/ny; returns its id.
    public static async Task<string> StartPlanAsync(IPage page, TestPatient person)
    {
        await page.GetByLabel("Personnummer").FillAsync(person.Dashed);
        await page.GetByLabel("Förnamn").FillAsync(person.GivenName);
        await page.GetByLabel("Efternamn").FillAsync(person.FamilyName);
        await page.GetByLabel("Vilket behov av samordning").FillAsync("Behöver hemtjänst och läkemedelsgenomgång samordnade.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Starta SIP" }).ClickAsync();
        await page.GetByText("Planen är startad.").WaitForAsync();
        return new Uri(page.Url).AbsolutePath.Split('/').Last();
    }

    public static Task ExpectStateAsync(IPage page, string state) =>
        Assertions.Expect(page.GetByTestId("plan-state")).ToHaveTextAsync(state);

    // Samtycke for the own municipality (checked already) and the region, then Förbered.
    public static async Task ConsentAndPrepareAsync(IPage page)
    {
        await page.Locator("#samtycke-org-20").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await ExpectStateAsync(page, "Samtycke registrerat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Börja förbereda SIP-mötet" }).ClickAsync();
        await ExpectStateAsync(page, "Förbereds");
    }

    // Summons the units and sends the invitations to a digital meeting.
    public static async Task InviteAsync(IPage page, params string[] unitNames)
    {
        var participants = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Kallade och inbjudna" }) });
        foreach (var unit in unitNames)
        {
            await page.GetByLabel("Enhet som kallas").SelectOptionAsync(new SelectOptionValue { Label = unit });
            await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till deltagare" }).ClickAsync();
            await participants.Locator("tr", new() { HasText = unit }).WaitForAsync();
        }
        await page.GetByLabel("Mötet hålls (datum och klockslag)").FillAsync(DateTimeLocal(LocalNow.AddDays(7)));
        await page.GetByLabel("Digitalt möte").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka kallelser" }).ClickAsync();
        await ExpectStateAsync(page, "Kallelser skickade");
    }

    // SIP-mötet with every point of Mötescirkeln, one decision with its alternatives, the person's view.
    public static async Task RecordMeetingAsync(IPage page)
    {
        foreach (var point in new[] { "Inledning", "Nuläge", "Behov", "Mål och insatser", "Sammanfattning", "Avslutning" })
        {
            await page.GetByLabel(point, new() { Exact = true }).CheckAsync();
        }
        await page.Locator("#beslut-1-text").FillAsync("Hemtjänst startar måndag");
        await page.Locator("#beslut-1-alternativ").FillAsync("Hemtjänst\nAnhörig hjälper till");
        await page.GetByLabel("Personens egna synpunkter").FillAsync("Vill klara sig hemma.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera mötet" }).ClickAsync();
        await ExpectStateAsync(page, "SIP-möte hållet");
    }

    // The mandatory parts and goals: two interventions (one per principal), no other measures,
    // overall responsibility, a short and a long goal, contact persons, relatives, follow-up date.
    public static async Task WriteContentAsync(IPage page, string municipality, string region)
    {
        var addIntervention = page.GetByRole(AriaRole.Button, new() { Name = "Lägg till insats" });
        await addIntervention.ClickAsync();
        await page.Locator("#insats-1-text").FillAsync("Hemtjänst morgon och kväll");
        await page.Locator("#insats-1-ansvarig").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await addIntervention.ClickAsync();
        await page.Locator("#insats-2-text").FillAsync("Läkemedelsgenomgång");
        await page.Locator("#insats-2-ansvarig").SelectOptionAsync(new SelectOptionValue { Label = region });
        await page.GetByLabel("Inga andra aktörer gör något").CheckAsync();
        await page.GetByLabel("Huvudman med huvudansvar").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        var addGoal = page.GetByRole(AriaRole.Button, new() { Name = "Lägg till mål" });
        await addGoal.ClickAsync();
        await page.Locator("#mal-1-text").FillAsync("Klara morgonen själv");
        await addGoal.ClickAsync();
        await page.Locator("#mal-2-text").FillAsync("Bo kvar hemma");
        await page.GetByLabel("Det här är viktigt för personen").FillAsync("Att få bo kvar i sitt hus");
        await page.GetByLabel("Så fungerar nuvarande insatser").FillAsync("Inga insatser i dag");
        var addContact = page.GetByRole(AriaRole.Button, new() { Name = "Lägg till kontaktperson" });
        await addContact.ClickAsync();
        await page.Locator("#kontakt-1-org").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await page.Locator("#kontakt-1-namn").FillAsync("Anna Lind");
        await addContact.ClickAsync();
        await page.Locator("#kontakt-2-org").SelectOptionAsync(new SelectOptionValue { Label = region });
        await page.Locator("#kontakt-2-namn").FillAsync("Lena Dahl");
        await page.GetByLabel("Personen har inga anhöriga").CheckAsync();
        await page.GetByLabel("Planerad uppföljning").FillAsync(Date(LocalNow.AddDays(30)));
    }

    public static async Task AgreeAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("missing")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och godkänn planen" }).ClickAsync();
        await ExpectStateAsync(page, "Överenskommen");
    }
}
