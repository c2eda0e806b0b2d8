using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.RelativeSupport.Application;

// A command of this service: what it decides is the attempt; its answer is carried in the result
// reference, so a replayed request_id is answered without reading data that may since be erased.
public sealed class RelativeStep(CallerIdentity caller, IdempotencyKey key, string operation,
    Func<UnitOfWork, CancellationToken, Task<StepResult>> attempt) : Command<StepResult>(caller, key, operation)
{
    public override async Task<Attempt<StepResult>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        var result = await attempt(work, cancellationToken);
        return Attempt.Commit(result, result.Ref);
    }

    public override Task<StepResult> ReplayAsync(string resultRef, CancellationToken cancellationToken) =>
        Task.FromResult(StepResult.Parse(resultRef));
}

// The id and new version a change produced ("{id}/{version}"; ids are GUIDs or municipality codes).
public sealed record StepResult(string Id, long Version)
{
    public string Ref => $"{Id}/{Version}";

    public static StepResult Parse(string resultRef)
    {
        var split = resultRef.LastIndexOf('/');
        return new StepResult(resultRef[..split], long.Parse(resultRef[(split + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
