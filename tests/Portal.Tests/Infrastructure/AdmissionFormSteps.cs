using System.Globalization;
using Microsoft.Playwright;

namespace Samverkan.Portal.Tests.Infrastructure;

// Fills in the ward's admission notice form the way a nurse does: by label.
public static class AdmissionFormSteps
{
    public static async Task FillAsync(IPage page, TestPatient patient, string municipalityCode)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        var admitted = now.AddHours(-2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await page.GetByLabel("Personnummer").FillAsync(patient.Dashed);
        await page.GetByLabel("Förnamn").FillAsync(patient.GivenName);
        await page.GetByLabel("Efternamn").FillAsync(patient.FamilyName);
        await page.GetByLabel("Folkbokföringsadress").FillAsync("Storgatan 1");
        await page.GetByLabel("Postnummer").FillAsync("791 71");
        await page.GetByLabel("Postort").FillAsync("Falun");
        await page.GetByLabel("Folkbokföringskommun").SelectOptionAsync(municipalityCode);
        await page.GetByLabel("Inskriven (datum och klockslag)").FillAsync(admitted);
        await page.GetByLabel("Beräknad utskrivningsdag").FillAsync(now.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Socialtjänst (till exempel").CheckAsync();
        await page.GetByLabel("Kommunal hälso- och sjukvård (öppen").CheckAsync();
        await page.GetByLabel("Samtycker till att meddelanden skickas").CheckAsync();
        await page.GetByLabel("Samtycker till informationsöverföring").CheckAsync();
        await page.GetByLabel("Samtycker till samordnad individuell plan").CheckAsync();
        await page.GetByLabel("Samtycket gavs (datum och klockslag)").FillAsync(admitted);
    }

    // Sends the form and waits for the new case's page; returns the case id.
    public static async Task<string> SendAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka inskrivningsmeddelande" }).ClickAsync();
        await page.GetByText("Inskrivningsmeddelandet är skickat.").WaitForAsync();
        return new Uri(page.Url).AbsolutePath.Split('/').Last();
    }
}
