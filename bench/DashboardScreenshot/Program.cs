using Microsoft.Playwright;

// Usage: dotnet run --project bench/DashboardScreenshot -- <dashboard login URL> <trace id> <output folder>
// Logs in with the URL the AppHost prints, then captures the resources page and the trace's detail page.
if (args is not [var loginUrl, var traceId, var output])
{
    Console.Error.WriteLine("Usage: DashboardScreenshot <dashboard login URL> <trace id> <output folder>");
    return 2;
}

var dashboard = new Uri(loginUrl).GetLeftPart(UriPartial.Authority);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
page.SetDefaultTimeout(60_000);

await page.GotoAsync(loginUrl);
await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
await page.GetByText("personal-ombudsmen").First.WaitForAsync();
await page.WaitForTimeoutAsync(2_000);
await page.ScreenshotAsync(new() { Path = Path.Combine(output, "dashboard-resources.png") });

await page.GotoAsync($"{dashboard}/traces/detail/{traceId}");
await page.GetByText("access record chained").First.WaitForAsync();
await page.WaitForTimeoutAsync(2_000);
await page.ScreenshotAsync(new() { Path = Path.Combine(output, "dashboard-trace.png"), FullPage = true });
Console.WriteLine($"Wrote dashboard-resources.png and dashboard-trace.png to {output}");
return 0;
