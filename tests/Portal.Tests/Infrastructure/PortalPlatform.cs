using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;

namespace Samverkan.Portal.Tests.Infrastructure;

// The whole platform a staff member meets, once for every portal test: the identity server, a
// store, the four domain services (discharge, SIP, relative support, personal ombudsmen), the access
// log, the gateway (HTTP/1.1 for browsers, h2c for the
// portal's gRPC) and the portal behind it, each a real process on a free loopback port; plus
// Debian's chromium through Playwright. Nothing is mocked.
//
// Test-only realm override (reported in docs/portal.md): the development realm with an SSO idle
// timeout of 30 s (access tokens 10 s), so the refresh path runs in every test and one test can
// let a session lapse in half a minute. Everything else is the development realm as shipped.
public sealed class PortalPlatform : IAsyncLifetime
{
    public static readonly TimeSpan SessionIdleTimeout = TimeSpan.FromSeconds(30);

    private static readonly string PersonReferenceKey = Convert.ToBase64String("samverkan-portal-tests-key-32-bytes!!"u8);

    private readonly List<IAsyncDisposable> _processes = [];
    private string? _realmFile;

    public IdentityServer Identity { get; private set; } = null!;
    public StoreServer Store { get; private set; } = null!;
    public DotnetProcess Portal { get; private set; } = null!;
    public DotnetProcess Gateway { get; private set; } = null!;

    // What users open: the gateway's HTTP endpoint, which serves the portal (route "portal").
    public Uri PortalAddress { get; private set; } = null!;

    // The gateway's gRPC endpoint, for tests that prepare data as a system would (not through the browser).
    public Uri GatewayGrpcAddress { get; private set; } = null!;

    // Where the portal's operations page looks for Prometheus (OperationsPageTests starts one there).
    public int PrometheusPort { get; } = FreePort.Next();

    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed) return;

        _realmFile = WriteRealmOverride();
        Identity = await IdentityServer.StartAsync(new IdentityServerSettings
        {
            RealmFile = _realmFile,
            Environment = new Dictionary<string, string?> { ["Identity__AccessTokenLifespanSeconds"] = "10" },
        });
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        var playwright = Microsoft.Playwright.Playwright.CreateAsync();

        var services = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["AccessLogging__PersonReferenceKey"] = PersonReferenceKey,
            // The shipped table stops at 2023 on purpose (amounts must be verified each year); the
            // tests' statements need the current year.
            [$"PaymentResponsibility__DailyAmountsSek__{DateTime.UtcNow.Year}"] = "11000",
            ["Discharge__SubscriptionHeartbeat"] = "00:00:02",
        };
        var discharge = Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("DischargeNotices"), services));
        var accessLog = Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("AccessLog"), services));
        var sipPlans = Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("SipPlans"), services));
        var relativeSupport = Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("RelativeSupport"), services));
        var personalOmbudsmen = Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("PersonalOmbudsmen"), services));

        var gatewayHttp = $"http://127.0.0.1:{FreePort.Next()}";
        var gatewayGrpc = $"http://127.0.0.1:{FreePort.Next()}";
        var portal = Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Portal"), new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["services__gateway__grpc__0"] = gatewayGrpc,
            ["Portal__TokenRefreshMargin"] = "00:00:03",
            ["Portal__SessionIdleTimeout"] = SessionIdleTimeout.ToString("c"),
            ["Portal__PrometheusUrl"] = $"http://127.0.0.1:{PrometheusPort}/",
        }));

        await Task.WhenAll(discharge, accessLog, sipPlans, relativeSupport, personalOmbudsmen, portal);
        Portal = portal.Result;
        Gateway = await Track(DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["Kestrel__Endpoints__http__Url"] = gatewayHttp,
            ["Kestrel__Endpoints__grpc__Url"] = gatewayGrpc,
            ["Kestrel__Endpoints__management__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["services__discharge-notices__http__0"] = discharge.Result.Address.ToString().TrimEnd('/'),
            ["services__access-log__http__0"] = accessLog.Result.Address.ToString().TrimEnd('/'),
            ["services__portal__http__0"] = portal.Result.Address.ToString().TrimEnd('/'),
            ["services__sip-plans__http__0"] = sipPlans.Result.Address.ToString().TrimEnd('/'),
            ["services__relative-support__http__0"] = relativeSupport.Result.Address.ToString().TrimEnd('/'),
            ["services__personal-ombudsmen__http__0"] = personalOmbudsmen.Result.Address.ToString().TrimEnd('/'),
            // Every test browser comes from 127.0.0.1: one per-IP bucket for all of them.
            ["Gateway__RateLimiting__PerIp__TokenLimit"] = "2000",
            ["Gateway__RateLimiting__PerIp__TokensPerPeriod"] = "2000",
        }));
        PortalAddress = new Uri(gatewayHttp + "/");
        GatewayGrpcAddress = new Uri(gatewayGrpc);

        Playwright = await playwright;
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
        });
    }

    private async Task<DotnetProcess> Track(Task<DotnetProcess> start)
    {
        var process = await start;
        lock (_processes) _processes.Add(process);
        return process;
    }

    // The development realm with a short SSO idle timeout (refresh tokens live as long).
    private static string WriteRealmOverride()
    {
        var realm = JsonNode.Parse(File.ReadAllText(DevRealm.DefaultFile))!.AsObject();
        realm["ssoSessionIdleTimeout"] = (int)SessionIdleTimeout.TotalSeconds;
        var path = Path.Combine(Path.GetTempPath(), $"samverkan-portal-realm-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, realm.ToJsonString());
        return path;
    }

    // A fresh browser profile (its own cookies) at 1280x720, logged in as a development user.
    public async Task<IPage> LoginAsync(string username, string path = "/")
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });
        // Generous: the machine is shared and a loaded CPU slows chromium and every process alike.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(PortalAddress, path).ToString());
            await SubmitLoginAsync(page, username);
            await page.WaitForURLAsync(url => url.StartsWith(PortalAddress.ToString(), StringComparison.Ordinal));
            await page.Locator(".user-name").WaitForAsync();
            return page;
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw new InvalidOperationException($"Login as {username} failed. {await DiagnoseAsync(page)}", ex);
        }
    }

    // Where the page is and what the processes said, for a failure message.
    public async Task<string> DiagnoseAsync(IPage page) =>
        $"At {page.Url}:\n{await page.ContentAsync()}\n--- portal ---\n{Portal.Output}\n--- gateway ---\n{Gateway.Output}\n--- identity ---\n{Identity.Output}";

    // Runs a browser step; a failure carries the page and the process output.
    public async Task StepAsync(IPage page, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw new InvalidOperationException(await DiagnoseAsync(page), ex);
        }
    }

    // On the identity server's Swedish login page.
    public async Task SubmitLoginAsync(IPage page, string username)
    {
        await page.GetByLabel("Användarnamn").FillAsync(username);
        await page.GetByLabel("Lösenord").FillAsync(Identity.DevRealm.PasswordOf(username));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        foreach (var process in Enumerable.Reverse(_processes)) await process.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        if (_realmFile is not null) File.Delete(_realmFile);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalPlatform>
{
    public const string Name = "portal platform";
}
