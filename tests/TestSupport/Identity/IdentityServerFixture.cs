using Xunit;

namespace Samverkan.TestSupport.Identity;

// xunit class/collection fixture: one identity server for the tests that share it.
public sealed class IdentityServerFixture : IAsyncLifetime
{
    private IdentityServer? _server;

    public IdentityServer Server => _server ?? throw new InvalidOperationException("The identity server has not started.");

    public async Task InitializeAsync() => _server = await IdentityServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
