using Grpc.Net.Client;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Identity.Tests.Support;

// The real SipPlans service as a process, configured to trust the given identity server
// (Keycloak__AuthServerUrl / Keycloak__Realm, as the AppHost sets them), reached over h2c.
public sealed class SipPlansProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private SipPlansProcess(DotnetProcess process)
    {
        _process = process;
        Channel = GrpcChannel.ForAddress(process.Address);
    }

    public GrpcChannel Channel { get; }

    public Uri Address => _process.Address;

    public string Output => _process.Output;

    public static async Task<SipPlansProcess> StartAsync(IdentityServer identity) =>
        new(await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("SipPlans"), identity.ServiceEnvironment));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _process.DisposeAsync();
    }
}
