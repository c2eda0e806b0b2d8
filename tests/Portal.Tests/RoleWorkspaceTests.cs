using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Workspaces are visible only to their roles, and a page of another role is refused.
[Collection(PortalCollection.Name)]
public sealed class RoleWorkspaceTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task Each_role_sees_its_own_workspaces_only()
    {
        var sara = await platform.LoginAsync("sara.falk");
        var menu = sara.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Anhörigstöd" })).ToBeVisibleAsync();
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Inkorg" }).CountAsync());
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Personligt ombud" }).CountAsync());
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Loggranskning" }).CountAsync());

        // Typing the address of another role's page does not help.
        await sara.GotoAsync(new Uri(platform.PortalAddress, "/utskrivning/inkorg").ToString());
        await sara.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" }).WaitForAsync();
        await sara.GotoAsync(new Uri(platform.PortalAddress, "/logg").ToString());
        await sara.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" }).WaitForAsync();

        var olof = await platform.LoginAsync("olof.stark");
        var olofsMenu = olof.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(olofsMenu.GetByRole(AriaRole.Link, new() { Name = "Personligt ombud" })).ToBeVisibleAsync();
        Assert.Equal(0, await olofsMenu.GetByRole(AriaRole.Link, new() { Name = "Anhörigstöd" }).CountAsync());

        var ingrid = await platform.LoginAsync("ingrid.wall");
        var ingridsMenu = ingrid.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(ingridsMenu.GetByRole(AriaRole.Link, new() { Name = "Indikatorer" })).ToBeVisibleAsync();
        Assert.Equal(0, await ingridsMenu.GetByRole(AriaRole.Link, new() { Name = "Utskrivning: öppna ärenden" }).CountAsync());

        foreach (var page in new[] { sara, olof, ingrid }) await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Relative_support_and_personal_ombudsman_workspaces_are_for_their_roles_only()
    {
        // A ward nurse may refer a relative, but has no relative support or ombudsman workspace.
        var karin = await platform.LoginAsync("karin.nyberg");
        var menu = karin.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Hänvisa anhörig" })).ToBeVisibleAsync();
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Anhörigstöd" }).CountAsync());
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Våra anhöriga" }).CountAsync());
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Personligt ombud" }).CountAsync());
        Assert.Equal(0, await karin.GetByRole(AriaRole.Heading, new() { Name = "Hänvisningar att ta emot", Exact = false }).CountAsync());
        foreach (var path in new[] { "/anhorigstod", "/anhorigstod/ny", "/anhorigstod/anhoriga", "/personligt-ombud", "/personligt-ombud/nytt", "/personligt-ombud/systembrister" })
        {
            await karin.GotoAsync(new Uri(platform.PortalAddress, path).ToString());
            await karin.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" }).WaitForAsync();
        }

        // A relative consultant gets neither the ombudsman's pages nor the referral form.
        var sara = await platform.LoginAsync("sara.falk");
        var sarasMenu = sara.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(sarasMenu.GetByRole(AriaRole.Link, new() { Name = "Registrera anhörig" })).ToBeVisibleAsync();
        Assert.Equal(0, await sarasMenu.GetByRole(AriaRole.Link, new() { Name = "Systembrister" }).CountAsync());
        Assert.Equal(0, await sarasMenu.GetByRole(AriaRole.Link, new() { Name = "Hänvisa anhörig" }).CountAsync());
        foreach (var path in new[] { "/personligt-ombud", "/personligt-ombud/arsuppfoljning", "/anhorigstod/hanvisa" })
        {
            await sara.GotoAsync(new Uri(platform.PortalAddress, path).ToString());
            await sara.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" }).WaitForAsync();
        }

        // A personal ombudsman gets no relative support pages.
        var olof = await platform.LoginAsync("olof.stark");
        var olofsMenu = olof.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(olofsMenu.GetByRole(AriaRole.Link, new() { Name = "Årsuppföljning" })).ToBeVisibleAsync();
        Assert.Equal(0, await olofsMenu.GetByRole(AriaRole.Link, new() { Name = "Hänvisa anhörig" }).CountAsync());
        await olof.GotoAsync(new Uri(platform.PortalAddress, "/anhorigstod").ToString());
        await olof.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" }).WaitForAsync();

        foreach (var page in new[] { karin, sara, olof }) await page.Context.CloseAsync();
    }
}
