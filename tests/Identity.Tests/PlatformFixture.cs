using Samverkan.Identity.Tests.Support;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// One identity server, the real SipPlans service and a platform-shaped probe service trusting it,
// shared by the acceptance tests.
public sealed class PlatformFixture : IAsyncLifetime
{
    public IdentityServer Identity { get; private set; } = null!;
    public SipPlansProcess SipPlans { get; private set; } = null!;
    public ProbeServiceHost Probe { get; private set; } = null!;
    public TokenClient Tokens { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await IdentityServer.StartAsync();
        Tokens = Identity.CreateTokenClient();
        SipPlans = await SipPlansProcess.StartAsync(Identity);
        Probe = await ProbeServiceHost.StartAsync(Identity);
    }

    public async Task DisposeAsync()
    {
        if (Probe is not null) await Probe.DisposeAsync();
        if (SipPlans is not null) await SipPlans.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
