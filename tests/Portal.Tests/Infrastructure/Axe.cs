using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Samverkan.Portal.Tests.Infrastructure;

// axe-core with the WCAG 2.1 A/AA tags on the page as it stands; with PORTAL_SCREENSHOTS_DIR set
// (scripts/portal-screenshots.sh) the checked page is also saved as docs/portal/{name}.png.
public static class Axe
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe(Wcag21AA);
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS_DIR") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png") });
        }
        return result.Violations.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}: " + string.Join(" | ", v.Nodes.Select(n => n.Html))).ToList();
    }
}
