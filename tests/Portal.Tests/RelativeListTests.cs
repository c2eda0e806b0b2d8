using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 5, "Våra anhöriga": a consultant finds the relatives she registered directly (no referral) in
// her municipality's list, pages through it and filters children; another municipality's consultant
// does not see them.
[Collection(PortalCollection.Name)]
public sealed class RelativeListTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task A_consultant_finds_her_municipalitys_relatives_in_the_list_and_another_municipality_does_not()
    {
        var adult = TestPatient.Create("Vuxen");
        var child = TestPatient.Create("Barn");
        // Greta: relative consultant in Falun.
        var greta = await platform.LoginAsync("greta.lund", "/anhorigstod/ny");
        await platform.StepAsync(greta, () => RegisterAsync(greta, adult, child: false));
        await platform.StepAsync(greta, async () =>
        {
            await greta.GotoAsync(new Uri(platform.PortalAddress, "/anhorigstod/ny").ToString());
            await RegisterAsync(greta, child, child: true);
        });

        await platform.StepAsync(greta, async () =>
        {
            // From the workspace's navigation; both are there, each row a link to the relative.
            await greta.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Våra anhöriga" }).ClickAsync();
            await greta.GetByRole(AriaRole.Heading, new() { Name = "Våra anhöriga", Level = 1 }).WaitForAsync();
            await greta.GetByRole(AriaRole.Link, new() { Name = adult.FullName }).WaitForAsync();
            await Assertions.Expect(greta.Locator("tr", new() { HasText = child.FullName }).GetByText("Barn som anhörig")).ToBeVisibleAsync();
            await Assertions.Expect(greta.Locator("tr", new() { HasText = adult.FullName }).GetByText("Barn som anhörig")).ToHaveCountAsync(0);

            // Only children.
            await greta.GetByLabel("Endast barn som anhöriga").CheckAsync();
            await greta.GetByRole(AriaRole.Button, new() { Name = "Visa anhöriga" }).ClickAsync();
            await greta.GetByRole(AriaRole.Table).GetByText("endast barn som anhöriga", new() { Exact = false }).WaitForAsync();
            await greta.GetByRole(AriaRole.Link, new() { Name = child.FullName }).WaitForAsync();
            await Assertions.Expect(greta.GetByText(adult.FamilyName)).ToHaveCountAsync(0);

            // Neither has had support that ended, so neither is closed.
            await greta.GetByLabel("Endast barn som anhöriga").UncheckAsync();
            await greta.GetByLabel("Visa", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Avslutade (allt stöd avslutat eller avböjt)" });
            await greta.GetByRole(AriaRole.Button, new() { Name = "Visa anhöriga" }).ClickAsync();
            await greta.GetByRole(AriaRole.Table).GetByText("(avslutade)", new() { Exact = false })
                .Or(greta.GetByText("Inga anhöriga med det urvalet.")).First.WaitForAsync();
            await Assertions.Expect(greta.GetByText(adult.FamilyName)).ToHaveCountAsync(0);
            await Assertions.Expect(greta.GetByText(child.FamilyName)).ToHaveCountAsync(0);
        });

        await platform.StepAsync(greta, async () =>
        {
            // One row per page; "Visa fler" adds the next row with the page token until both are there.
            // (The service orders by registration day; within a day the order is its own.)
            await greta.GotoAsync(new Uri(platform.PortalAddress, "/anhorigstod/anhoriga?antal=1").ToString());
            await Assertions.Expect(greta.GetByTestId("relative-row")).ToHaveCountAsync(1);
            var links = greta.GetByRole(AriaRole.Link, new() { Name = adult.FullName }).Or(greta.GetByRole(AriaRole.Link, new() { Name = child.FullName }));
            for (var rows = 1; await links.CountAsync() < 2; rows++)
            {
                Assert.True(rows < 30, "Both relatives should be among the newest rows.");
                await greta.GetByRole(AriaRole.Button, new() { Name = "Visa fler" }).ClickAsync();
                await Assertions.Expect(greta.GetByTestId("relative-row")).ToHaveCountAsync(rows + 1);
            }
            await greta.GetByRole(AriaRole.Link, new() { Name = adult.FullName }).ClickAsync();
            await greta.GetByRole(AriaRole.Heading, new() { Name = adult.FullName, Level = 1 }).WaitForAsync();
        });

        // Borlänge's consultant lists Borlänge's relatives: not Falun's.
        var sara = await platform.LoginAsync("sara.falk", "/anhorigstod/anhoriga");
        await platform.StepAsync(sara, async () =>
        {
            await sara.GetByRole(AriaRole.Table).Or(sara.GetByText("Inga anhöriga med det urvalet.")).First.WaitForAsync();
            Assert.Equal(0, await sara.GetByText(adult.FamilyName).CountAsync());
            Assert.Equal(0, await sara.GetByText(child.FamilyName).CountAsync());
        });

        foreach (var page in new[] { greta, sara }) await page.Context.CloseAsync();
    }

    private static async Task RegisterAsync(IPage page, TestPatient relative, bool child)
    {
        await page.GetByLabel("Förnamn").FillAsync(relative.GivenName);
        await page.GetByLabel("Efternamn").FillAsync(relative.FamilyName);
        if (child) await page.GetByLabel("Den anhörige är ett barn (under 18 år)").CheckAsync();
        await page.GetByLabel("Den anhörige är till den som får vård eller omsorg").SelectOptionAsync(new SelectOptionValue { Label = child ? "Barn" : "Make, maka, sambo eller partner" });
        await page.GetByLabel("Den anhörige samtycker till att registreras").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera anhörig" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = relative.FullName, Level = 1 }).WaitForAsync();
    }
}
