using System.Net;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using Xunit;

namespace Samverkan.Operations.Tests;

// Issue #21, item 5: readiness (/health) reflects the store and the identity server. A real SIP plans
// process on a real store: the store is killed (SIGKILL), /health turns Unhealthy; the store starts
// again on the same port and data, and /health turns Healthy again with the same service process
// (StackExchange.Redis reconnects by itself). Then the identity server goes away: Degraded.
public sealed class ReadinessRecoveryTests
{
    private static readonly string PersonReferenceKey = Convert.ToBase64String("operations-tests-person-reference-key!"u8);

    [StoreFact]
    public async Task Health_follows_the_store_through_a_crash_and_the_identity_server_through_an_outage()
    {
        await using var store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        var identity = await IdentityServer.StartAsync();
        var identityRunning = true;
        try
        {
            var environment = new Dictionary<string, string?>(identity.ServiceEnvironment)
            {
                ["ConnectionStrings__store"] = store.ConnectionString,
                ["AccessLogging__PersonReferenceKey"] = PersonReferenceKey,
            };
            await using var service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("SipPlans"), environment);
            using var http = new HttpClient { BaseAddress = service.Address, DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(20) };
            var pid = service.ProcessId;

            await WaitForHealthAsync(http, "Healthy", service);

            await store.KillAsync();
            await WaitForHealthAsync(http, "Unhealthy", service);

            await store.StartAsync();
            await WaitForHealthAsync(http, "Healthy", service);
            Assert.Equal(pid, service.ProcessId);

            identityRunning = false;
            await identity.DisposeAsync();
            await WaitForHealthAsync(http, "Degraded", service);
        }
        finally
        {
            if (identityRunning) await identity.DisposeAsync();
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, string expected, DotnetProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (last.EndsWith(" " + expected, StringComparison.Ordinal)) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.GetType().Name;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"/health did not become {expected} within 60 s (last answer: {last}).\n{service.Output}");
    }
}
