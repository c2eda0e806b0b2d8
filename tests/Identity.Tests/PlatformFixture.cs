using Samverkan.Identity.Tests.Support;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Store;

namespace Samverkan.Identity.Tests;

// One identity server, a store (Garnet, built with the tests), the real SipPlans service and a platform-shaped probe service trusting it,
// shared by the acceptance tests.
public sealed class PlatformFixture : IAsyncLifetime
{
    public IdentityServer Identity { get; private set; } = null!;
    public StoreServer Store { get; private set; } = null!;
    public SipPlansProcess SipPlans { get; private set; } = null!;
    public ProbeServiceHost Probe { get; private set; } = null!;
    public TokenClient Tokens { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await IdentityServer.StartAsync();
        Tokens = Identity.CreateTokenClient();
        Store = await StoreServer.StartNewAsync(StoreKind.Garnet);
        SipPlans = await SipPlansProcess.StartAsync(Identity, Store);
        Probe = await ProbeServiceHost.StartAsync(Identity);
    }

    public async Task DisposeAsync()
    {
        if (Probe is not null) await Probe.DisposeAsync();
        if (SipPlans is not null) await SipPlans.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
