using Samverkan.SharedKernel.Rules;
using Samverkan.SharedKernel.Text;
using Samverkan.Store;

namespace Samverkan.ServiceCore.Commands;

// How every change is carried out, so a command only says what it decides:
// 1. a request_id seen before returns the original result (a different request under the same
//    request_id is refused with ALREADY_EXISTS);
// 2. the command's attempt loads, authorizes, runs the domain step and stages its writes;
// 3. commit in one unit of work together with the idempotency key: all or nothing;
// 4. if another writer moved the data meanwhile (version conflict), start again from 2 with fresh
//    data, at most MaxAttempts times; a concurrent retry of the same request that won is a replay.
// A refusal (RuleViolation) from the attempt is first checked against a concurrent success of the
// same request (its "already done" is our own success), then thrown: nothing was written.
public sealed class CommandPipeline(IDocumentStore store)
{
    public const int MaxAttempts = 5;

    // Scope of the idempotency keys in the service's keyspace.
    public const string RequestScope = "requests";

    public async Task<TResult> ExecuteAsync<TResult>(Command<TResult> command, CancellationToken cancellationToken) where TResult : class
    {
        if (await ReplayAsync(command, cancellationToken) is { } replay) return replay;

        for (var attempt = 1; ; attempt++)
        {
            var work = new UnitOfWork();
            Attempt<TResult> staged;
            try
            {
                staged = await command.AttemptAsync(work, cancellationToken);
            }
            catch (RuleViolation)
            {
                if (await ReplayAsync(command, cancellationToken) is { } concurrentReplay) return concurrentReplay;
                throw;
            }
            if (!staged.Writes) return staged.Result;

            work.ClaimIdempotencyKey(RequestScope, command.Key.StoreKey(command.Caller), command.Key.ResultId(staged.ResultRef!));
            switch (await store.CommitAsync(work, cancellationToken))
            {
                case Committed:
                    command.OnCommitted(staged.Result);
                    return staged.Result;
                case IdempotencyKeyTaken:
                    return await ReplayAsync(command, cancellationToken)
                        ?? throw new InvalidOperationException("An idempotency key was taken but holds no result.");
                case VersionConflict when attempt < MaxAttempts:
                    continue;
                default:
                    throw RuleViolation.State(
                        $"The data this request changes kept changing while it was applied ({MaxAttempts} attempts); retry with the same request_id.");
            }
        }
    }

    private async Task<TResult?> ReplayAsync<TResult>(Command<TResult> command, CancellationToken cancellationToken) where TResult : class
    {
        var stored = await store.GetIdempotentResultAsync(RequestScope, command.Key.StoreKey(command.Caller), cancellationToken);
        if (stored is null) return null;

        var (resultRef, fingerprint) = IdempotencyKey.ParseResultId(stored);
        if (fingerprint != command.Key.Fingerprint)
        {
            throw RuleViolation.Duplicate(
                $"request_id {EchoedInput.Quote(command.Key.RequestId)} was already used for a different request; use a new request_id for a new change.");
        }
        var result = await command.ReplayAsync(resultRef, cancellationToken);
        command.OnReplayed(result);
        return result;
    }
}
