using Grpc.Net.Client;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;

namespace Samverkan.Identity.Tests.Support;

// The real SipPlans service as a process, configured to trust the given identity server
// (Keycloak__AuthServerUrl / Keycloak__Realm, as the AppHost sets them) and to use the given store
// (ServiceCore: its health includes the store; access logging needs the person-reference key),
// reached over h2c.
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

    public static async Task<SipPlansProcess> StartAsync(IdentityServer identity, StoreServer store)
    {
        var environment = identity.ServiceEnvironment;
        environment["ConnectionStrings__store"] = store.ConnectionString;
        environment["AccessLogging__PersonReferenceKey"] = TestPersonReferenceKey;
        return new(await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("SipPlans"), environment));
    }

    private const string TestPersonReferenceKey = "dGVzdC1vbmx5LXBlcnNvbi1yZWZlcmVuY2Uta2V5LTMyLWJ5dGVzIQ==";

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _process.DisposeAsync();
    }
}
