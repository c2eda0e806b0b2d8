using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.ServiceCore.Commands;

// One change a caller asked for, as CommandPipeline runs it. A service subclasses it once per kind
// of aggregate (e.g. "a step on a case"), not once per RPC: the RPC-specific part is the domain step
// the subclass is given.
public abstract class Command<TResult>(CallerIdentity caller, IdempotencyKey key, string operation)
    where TResult : class
{
    public CallerIdentity Caller { get; } = caller;

    public IdempotencyKey Key { get; } = key;

    // The RPC's name (a bounded vocabulary: metrics, logs).
    public string Operation { get; } = operation;

    // One attempt: load the current state, authorize, run the domain step (which throws a
    // RuleViolation before changing anything), and stage every write into 'work' with the versions
    // read. Return Attempt.Commit(result, resultRef) to commit, Attempt.NoChange(result) to answer
    // without writing (e.g. an acknowledgement given before).
    public abstract Task<Attempt<TResult>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken);

    // The answer of an earlier success of this request, from the resultRef it committed with.
    public abstract Task<TResult> ReplayAsync(string resultRef, CancellationToken cancellationToken);

    public virtual void OnCommitted(TResult result)
    {
    }

    public virtual void OnReplayed(TResult result)
    {
    }
}

// The outcome of one attempt: commit (with the reference a replay is answered from), or no change.
public readonly record struct Attempt<TResult>(TResult Result, string? ResultRef)
{
    public bool Writes => ResultRef is not null;
}

public static class Attempt
{
    public static Attempt<TResult> Commit<TResult>(TResult result, string resultRef) => new(result, resultRef);

    public static Attempt<TResult> NoChange<TResult>(TResult result) => new(result, null);
}
