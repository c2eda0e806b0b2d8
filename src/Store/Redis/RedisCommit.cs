using System.Diagnostics;
using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// Optimistic commit on the common atomic subset of Redis and Garnet (no Lua, no Streams):
//   1. assume every check passes (a created document never existed, the version read is current, the
//      idempotency key is unclaimed): those assumed values are what step 2 WATCHes and re-checks, so
//      when they hold no separate read is needed. A check without a single assumable value
//      ("position only forward"), and every attempt after a failed one, reads the checked keys first
//      and rejects early on a real conflict;
//   2. on a connection of its own (CommitConnectionPool), WATCH the checked keys and compare them
//      exactly (StackExchange.Redis conditions), then MULTI / all writes / EXEC;
//   3. a failed condition or an EXEC aborted by a concurrent writer of a watched key goes back to 1
//      with a read, so a real conflict is reported as such and a mere race is retried (bounded).
// A unit of work without checks (e.g. access records of reads) needs no WATCH: it is a plain
// MULTI/EXEC pipelined on the shared connection.
// Success is reported only after EXEC returned; durability is the server's (appendfsync always /
// --aof-commit-wait), so EXEC's reply means the whole transaction is on disk.
internal sealed class RedisCommit(IConnectionMultiplexer connection, StoreKeyspace keyspace, CommitConnectionPool connections)
{
    private const int MaxAttempts = 20;

    public async Task<CommitResult> ExecuteAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        using var activity = StoreTelemetry.ActivitySource.StartActivity("store commit", ActivityKind.Client);
        activity?.SetTag("db.system.name", "redis");
        activity?.SetTag("samverkan.store.keyspace", keyspace.Service);

        var plan = CommitPlan.For(work, keyspace);
        if (plan.Checks.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await CommitUncheckedAsync(plan, activity);
        }

        using var lease = await connections.RentAsync(cancellationToken);
        var db = lease.Database;
        var current = plan.AssumedValues();
        var failedAttempts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var assumed = current is not null;
            if (current is null)
            {
                current = await Task.WhenAll(plan.Checks.Select(check => CommitPlan.Read(db, check)));
                for (var i = 0; i < plan.Checks.Count; i++)
                {
                    if (plan.Checks[i].Reject(current[i]) is { } rejection)
                    {
                        return Record(rejection, activity);
                    }
                }
            }

            var transaction = db.CreateTransaction();
            for (var i = 0; i < plan.Checks.Count; i++)
            {
                transaction.AddCondition(plan.Checks[i].Condition(current[i]));
            }
            var appends = QueueWrites(transaction, plan.Writes, DocumentVersions(plan, current));

            // Not cancellable from here on: the caller must learn whether EXEC applied the writes.
            if (await lease.ExecuteAsync(transaction))
            {
                return await CommittedAsync(appends, activity);
            }
            current = null;
            if (assumed)
            {
                // The store differs from what the unit of work expects: read it to tell a conflict from a race.
                continue;
            }

            if (++failedAttempts == MaxAttempts)
            {
                StoreTelemetry.Commits.Add(1, Tags("contention"));
                throw new StoreContentionException(keyspace.Service, MaxAttempts);
            }
            StoreTelemetry.CommitRetries.Add(1, new KeyValuePair<string, object?>("keyspace", keyspace.Service));
            await Task.Delay(Random.Shared.Next(1, 5 * failedAttempts), CancellationToken.None);
        }
    }

    private async Task<CommitResult> CommitUncheckedAsync(CommitPlan plan, Activity? activity)
    {
        var transaction = connection.GetDatabase().CreateTransaction();
        var appends = QueueWrites(transaction, plan.Writes, []);
        if (!await transaction.ExecuteAsync())
        {
            // Without WATCH and conditions the server has no reason to refuse EXEC.
            throw new RedisException("The store refused a transaction without conditions.");
        }
        return await CommittedAsync(appends, activity);
    }

    private async Task<CommitResult> CommittedAsync(ChannelAppends appends, Activity? activity)
    {
        var appended = await appends.PositionsAsync();
        await appends.AnnounceAsync(connection.GetSubscriber(), keyspace);
        return Record(new Committed { Appended = appended }, activity);
    }

    // The checked state of every document of the unit of work, by key: a re-create continues after its tombstone.
    private static Dictionary<RedisKey, DocumentVersion> DocumentVersions(CommitPlan plan, RedisValue[] current)
    {
        var versions = new Dictionary<RedisKey, DocumentVersion>();
        for (var i = 0; i < plan.Checks.Count; i++)
        {
            if (plan.Checks[i] is CommitPlan.VersionCheck check)
            {
                versions[check.Key] = DocumentVersion.Parse(current[i]);
            }
        }
        return versions;
    }

    private ChannelAppends QueueWrites(ITransaction transaction, IReadOnlyList<StoreOperation> writes, Dictionary<RedisKey, DocumentVersion> versions)
    {
        var appends = new ChannelAppends();
        foreach (var operation in writes)
        {
            switch (operation)
            {
                case PutDocument put:
                    var putKey = keyspace.Document(put.Collection, put.Id);
                    _ = transaction.HashSetAsync(putKey,
                    [
                        new HashEntry(DocumentFields.Version, versions[putKey].NextAfter(put.ExpectedVersion)),
                        new HashEntry(DocumentFields.Data, put.Data),
                    ]);
                    break;
                case DeleteDocument delete:
                    // The data goes; the version stays as a tombstone so that it is never issued again.
                    var deleteKey = keyspace.Document(delete.Collection, delete.Id);
                    _ = transaction.HashSetAsync(deleteKey, DocumentFields.Version, DocumentVersion.Tombstone(delete.ExpectedVersion));
                    _ = transaction.HashDeleteAsync(deleteKey, DocumentFields.Data);
                    break;
                case AddToIndex add:
                    _ = transaction.SortedSetAddAsync(keyspace.Index(add.Index), add.Member, add.Score);
                    break;
                case RemoveFromIndex remove:
                    _ = transaction.SortedSetRemoveAsync(keyspace.Index(remove.Index), remove.Member);
                    break;
                case AppendToChannel append:
                    appends.Add(append);
                    break;
                case ClaimIdempotency claim:
                    _ = transaction.StringSetAsync(keyspace.Idempotency(claim.Scope, claim.Key), claim.ResultId, claim.Retention);
                    break;
                case AdvanceConsumerPosition advance:
                    _ = transaction.StringSetAsync(keyspace.ConsumerPosition(advance.Channel, advance.Consumer), advance.Position);
                    break;
                default:
                    throw new NotSupportedException($"Unknown store operation {operation.GetType().Name}.");
            }
        }
        appends.Queue(transaction, keyspace);
        return appends;
    }

    private CommitResult Record(CommitResult result, Activity? activity)
    {
        var outcome = result switch
        {
            Committed => "committed",
            VersionConflict => "version_conflict",
            IdempotencyKeyTaken => "idempotency_key_taken",
            _ => "other",
        };
        activity?.SetTag("samverkan.store.outcome", outcome);
        StoreTelemetry.Commits.Add(1, Tags(outcome));
        return result;
    }

    private KeyValuePair<string, object?>[] Tags(string outcome) =>
        [new("keyspace", keyspace.Service), new("outcome", outcome)];
}
