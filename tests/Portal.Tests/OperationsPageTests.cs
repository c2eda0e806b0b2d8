using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Portal.Tests;

// Issue #21, item 4: the operations page (/drift) for the operations role, read from a real
// Prometheus scraping the real identity server and portal (and one target that does not answer).
// Before Prometheus runs, the page says it cannot be reached; other roles are refused.
[Collection(PortalCollection.Name)]
public sealed class OperationsPageTests(PortalPlatform platform)
{
    [ChromiumAndPrometheusFact]
    public async Task The_operations_role_sees_service_health_from_Prometheus_and_is_told_when_it_is_unreachable()
    {
        var maja = await platform.LoginAsync("maja.torn");
        var menu = maja.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Drift" }).ClickAsync();
        await platform.StepAsync(maja, () => maja.GetByRole(AriaRole.Alert).GetByText("Prometheus kan inte nås.").WaitForAsync());

        var closedPort = FreePort.Next();
        await using var prometheus = await PrometheusProcess.StartAsync(platform.PrometheusPort,
        [
            ("identity", platform.Identity.BaseAddress.Authority),
            ("portal", platform.Portal.Address.Authority),
            ("sip-plans", $"127.0.0.1:{closedPort}"),
        ]);

        // Scraped every second: within a few refreshes both answer and the closed port is down.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var identityRow = maja.Locator("tr[data-job='identity']");
        var downRow = maja.Locator("tr[data-job='sip-plans']");
        while (true)
        {
            await maja.GetByRole(AriaRole.Button, new() { Name = "Uppdatera" }).ClickAsync();
            await Task.Delay(1000);
            if (await identityRow.CountAsync() == 1 && (await identityRow.InnerTextAsync()).Contains("Uppe", StringComparison.Ordinal)
                && await downRow.CountAsync() == 1 && (await identityRow.InnerTextAsync()).Contains("ms", StringComparison.Ordinal))
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The page did not show Prometheus' data.\n{await maja.ContentAsync()}\n{prometheus.Output}");
        }
        await Assertions.Expect(maja.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(maja.Locator("tr[data-job='portal']")).ToContainTextAsync("Uppe");
        await Assertions.Expect(downRow).ToContainTextAsync("NERE (0 av 1 svarar)");
        await Assertions.Expect(maja.GetByRole(AriaRole.Heading, new() { Name = "Överskridna tidsgränser senaste dygnet" })).ToBeVisibleAsync();
        await Assertions.Expect(maja.GetByRole(AriaRole.Heading, new() { Name = "Händelsekonsumenter" })).ToBeVisibleAsync();

        // Another role neither sees the link nor gets the page by its address.
        var ingrid = await platform.LoginAsync("ingrid.wall");
        Assert.Equal(0, await ingrid.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Drift" }).CountAsync());
        await ingrid.GotoAsync(new Uri(platform.PortalAddress, "/drift").ToString());
        await ingrid.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" }).WaitForAsync();

        foreach (var page in new[] { maja, ingrid }) await page.Context.CloseAsync();
    }
}

// Needs chromium and the prometheus binary: skipped, with the reason printed, when either is absent.
public sealed class ChromiumAndPrometheusFactAttribute : FactAttribute
{
    public ChromiumAndPrometheusFactAttribute()
    {
        if (!Chromium.Installed) Skip = Chromium.SkipReason;
        else if (PrometheusProcess.ExecutablePath is null) Skip = PrometheusProcess.SkipReason;
    }
}
