using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 1: single sign-on through the identity server, who is signed in (name, organisation, unit)
// on every page, and single logout.
[Collection(PortalCollection.Name)]
public sealed class SignOnTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task Login_shows_name_organisation_and_unit_and_logout_ends_single_sign_on()
    {
        var page = await platform.LoginAsync("karin.nyberg");

        Assert.Equal("Karin Nyberg", await page.Locator(".user-name").InnerTextAsync());
        Assert.Equal("Region Dalarna", await page.GetByTestId("user-organisation").InnerTextAsync());
        Assert.Equal("Falu lasarett, medicinkliniken", await page.GetByTestId("user-unit").InnerTextAsync());
        Assert.Equal("Att göra", await page.Locator("h1").InnerTextAsync());

        // The header stays on other pages.
        await page.GetByRole(AriaRole.Link, new() { Name = "Utskrivning: öppna ärenden" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Öppna ärenden" }).WaitForAsync();
        Assert.Equal("Karin Nyberg", await page.Locator(".user-name").InnerTextAsync());

        await platform.StepAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
            await page.Locator("h1", new() { HasText = "Du är utloggad" }).WaitForAsync();
        });

        // Single logout: the identity server's session is gone too, so the portal asks for a password again.
        await page.GotoAsync(platform.PortalAddress.ToString());
        await page.GetByLabel("Lösenord").WaitForAsync();
        await page.Context.CloseAsync();
    }
}
