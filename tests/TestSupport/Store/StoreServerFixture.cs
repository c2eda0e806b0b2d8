using Xunit;

namespace Samverkan.TestSupport.Store;

// One store process shared by the tests of a class (IClassFixture<...>). Tests sharing it should use
// their own keyspace (e.g. a random service name) so they never see each other's keys.
// Does not start when the kind is unavailable: the tests of such a class are skipped by [StoreFact].
public class StoreServerFixture : IAsyncLifetime
{
    private StoreServer? _server;

    public StoreServerFixture()
        : this(StoreServer.DefaultKind)
    {
    }

    protected StoreServerFixture(StoreKind kind) => Kind = kind;

    public StoreKind Kind { get; }

    public StoreServer Server => _server ?? throw new InvalidOperationException(
        $"The {Kind} store is not running: {StoreServer.UnavailableReason(Kind) ?? "it failed to start"}.");

    public async Task InitializeAsync()
    {
        if (StoreServer.UnavailableReason(Kind) is null)
        {
            _server = await StoreServer.StartNewAsync(Kind);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
