namespace Samverkan.Portal.Tests.Infrastructure;

// Debian's chromium (apt-get install chromium): Playwright drives it; browser downloads do not
// work here, so no Playwright-managed browser is ever used.
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static bool Installed => File.Exists(ExecutablePath);

    public const string SkipReason = "chromium is not installed at /usr/bin/chromium (apt-get install -y chromium; .ci/run installs it)";
}

// A test that needs the real browser: skipped, with the reason printed, when chromium is absent.
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Installed) Skip = Chromium.SkipReason;
    }
}
