using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// One run of the real AppHost (AppHost/Program.cs) under Aspire.Hosting.Testing: DCP starts every
// resource as `dotnet run` does, on ports shifted by a free --port-offset, with its own --data-dir.
// The dashboard is off; an OTLP endpoint, when given, receives what the dashboard would.
public sealed class PlatformRun : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly DistributedApplication _app;
    private bool _stopped;

    private PlatformRun(DistributedApplication app, int portOffset, string store)
    {
        _app = app;
        PortOffset = portOffset;
        Store = store;
    }

    public int PortOffset { get; }

    public string Store { get; }

    public int StorePort => 16379 + PortOffset;

    // What Program.cs declares (Aspire adds hidden helpers such as "{project}-rebuilder" without endpoints).
    public IReadOnlyList<string> ResourceNames =>
        [.. Model.Resources.Where(r => r.Annotations.OfType<EndpointAnnotation>().Any()).Select(r => r.Name)];

    public IReadOnlyList<string> ProjectNames => [.. Model.Resources.OfType<ProjectResource>().Select(r => r.Name)];

    public Uri Endpoint(string resource, string endpoint = "http") => _app.GetEndpoint(resource, endpoint);

    private DistributedApplicationModel Model => _app.Services.GetRequiredService<DistributedApplicationModel>();

    public static async Task<PlatformRun> StartAsync(string store, string dataDirectory, ITestOutputHelper? output, string? otlpEndpoint = null)
    {
        var offset = PortOffsets.FindFree();
        string[] args = ["--store", store, "--port-offset", offset.ToString(), "--data-dir", dataDirectory];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args,
            (options, settings) =>
            {
                options.DisableDashboard = true;
                // As `dotnet run --project AppHost` (launch profile "http"): projects run in Development.
                settings.EnvironmentName = "Development";
            });
        if (otlpEndpoint is not null)
        {
            // Where Aspire points every resource's OTEL_EXPORTER_OTLP_ENDPOINT (the dashboard's, normally).
            builder.Configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlpEndpoint;
        }

        var app = await builder.BuildAsync();
        var run = new PlatformRun(app, offset, store);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await app.StartAsync(timeout.Token);
            await Task.WhenAll(run.ResourceNames.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        }
        catch (Exception e)
        {
            var states = string.Join(Environment.NewLine, run.ResourceNames.Select(name =>
                app.ResourceNotifications.TryGetCurrentState(name, out var state)
                    ? $"  {name}: {state.Snapshot.State?.Text} health {state.Snapshot.HealthStatus}"
                    : $"  {name}: no state"));
            await run.DisposeAsync();
            throw new InvalidOperationException($"The platform did not become healthy ({e.GetType().Name}: {e.Message}):{Environment.NewLine}{states}", e);
        }

        output?.WriteLine($"Platform ({store}) healthy with port offset {offset}, data in {dataDirectory}");
        return run;
    }

    // The operating-system process of a resource (for a project, the `dotnet run` that DCP started;
    // the service is its child and has the same environment).
    public int ProcessId(string resource)
    {
        Assert.True(_app.ResourceNotifications.TryGetCurrentState(resource, out var state), $"no state for {resource}");
        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        return Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture);
    }

    // Stops everything (what Ctrl+C does to `dotnet run --project AppHost`) and checks that no process
    // of this run is left: nothing serves its store's connection string or holds its ports.
    public async Task StopAndAssertNothingLeftAsync()
    {
        var ports = PortOffsets.DefaultPorts.Select(p => p + PortOffset).ToList();
        await StopAsync();
        await ProcessProbe.WaitUntilAsync(() => ProcessProbe.FindByEnvironmentOrArguments($"127.0.0.1:{StorePort}", $" {StorePort} ").Count == 0,
            TimeSpan.FromSeconds(30));
        Assert.Empty(ProcessProbe.FindByEnvironmentOrArguments($"127.0.0.1:{StorePort}", $" {StorePort} "));
        Assert.All(ports, port => Assert.True(PortOffsets.IsFree(port), $"port {port} is still taken after the stop"));
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await _app.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
