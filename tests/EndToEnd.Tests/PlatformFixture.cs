using Samverkan.TestSupport.Telemetry;

namespace Samverkan.EndToEnd.Tests;

// The platform started once for every test in the "platform" collection: embedded Garnet (runs on a
// fresh machine), telemetry to a test OTLP receiver in place of the dashboard.
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly TestWorkspace _workspace = new();

    public PlatformRun Platform { get; private set; } = null!;

    public OtlpReceiver Telemetry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Telemetry = await OtlpReceiver.StartAsync();
        Platform = await PlatformRun.StartAsync("garnet", _workspace.DataDirectory, output: null, Telemetry.EndpointUrl);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Telemetry.DisposeAsync();
        _workspace.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
