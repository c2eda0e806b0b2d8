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
}
