using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samverkan.ServiceCore.Background;

namespace Samverkan.PersonalOmbudsmen.Application.Shredding;

// Runs DataKeyRewrap on a timer, so a KEK rotation completes without anyone's help; the log line
// ("... pass did N items") shows when keys moved. Safe on several replicas (version-checked puts).
public sealed class KeyRewrapService(DataKeyRewrap rewrap, IOptions<OmbudOptions> options, TimeProvider time, ILogger<KeyRewrapService> logger)
    : PeriodicBackgroundService(time, logger)
{
    protected override TimeSpan Interval => options.Value.KeyRewrapInterval;

    protected override string Name => "Data key re-wrap";

    public override async Task<long> RunOnceAsync(CancellationToken cancellationToken) => (await rewrap.RunAsync(cancellationToken)).Rewrapped;
}
