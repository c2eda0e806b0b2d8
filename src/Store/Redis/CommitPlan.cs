using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// A unit of work translated to keys: what must be checked (versions, idempotency keys, consumer
// positions) and what is written. Built once per commit, re-checked on every attempt.
internal sealed class CommitPlan
{
    private CommitPlan(IReadOnlyList<Check> checks, IReadOnlyList<StoreOperation> writes)
    {
        Checks = checks;
        Writes = writes;
    }

    public IReadOnlyList<Check> Checks { get; }

    public IReadOnlyList<StoreOperation> Writes { get; }

    public static CommitPlan For(UnitOfWork work, StoreKeyspace keyspace)
    {
        var checks = new List<Check>();
        // Idempotency first: a retry of a commit that already happened must learn its result, even
        // though the documents it changed have moved on since.
        foreach (var claim in work.Operations.OfType<ClaimIdempotency>())
        {
            checks.Add(new IdempotencyCheck(keyspace.Idempotency(claim.Scope, claim.Key), claim));
        }
        foreach (var operation in work.Operations)
        {
            switch (operation)
            {
                case PutDocument put:
                    checks.Add(new VersionCheck(keyspace.Document(put.Collection, put.Id), put.Collection, put.Id, put.ExpectedVersion));
                    break;
                case DeleteDocument delete:
                    checks.Add(new VersionCheck(keyspace.Document(delete.Collection, delete.Id), delete.Collection, delete.Id, delete.ExpectedVersion));
                    break;
                case AdvanceConsumerPosition advance:
                    checks.Add(new PositionCheck(keyspace.ConsumerPosition(advance.Channel, advance.Consumer), advance));
                    break;
            }
        }
        return new CommitPlan(checks, work.Operations);
    }

    // One value per check: what the store holds if every expectation of the unit of work is met
    // (a created document never existed, an idempotency key is unclaimed, ...); null when some check
    // has no single such value and must read the store first. WATCHing these values decides the
    // commit without a read whenever the expectations hold, which is the common case.
    public RedisValue[]? AssumedValues()
    {
        var values = new RedisValue[Checks.Count];
        for (var i = 0; i < Checks.Count; i++)
        {
            if (Checks[i].Assumed() is not { } assumed)
            {
                return null;
            }
            values[i] = assumed;
        }
        return values;
    }

    // One value per check: what the store holds now.
    public static Task<RedisValue> Read(IDatabaseAsync db, Check check) => check switch
    {
        VersionCheck v => db.HashGetAsync(v.Key, DocumentFields.Version),
        _ => db.StringGetAsync(check.Key),
    };

    public abstract record Check(RedisKey Key)
    {
        // The rejection if the current value does not allow the commit, else null.
        public abstract CommitResult? Reject(RedisValue current);

        // The stored value under which the check passes, if there is exactly one that can be assumed
        // (Reject of it is null); null if the store must be read. A wrong assumption only costs a read:
        // its condition fails and the commit falls back to reading the values.
        public abstract RedisValue? Assumed();

        // The same expectation as a transaction condition: WATCH plus an exact check of the value read.
        public Condition Condition(RedisValue current) => current.IsNull
            ? StackExchange.Redis.Condition.KeyNotExists(Key)
            : ExactCondition(current);

        protected abstract Condition ExactCondition(RedisValue current);
    }

    public sealed record VersionCheck(RedisKey Key, string Collection, string Id, long Expected) : Check(Key)
    {
        // A tombstone counts as absent: its version is only there to be continued by a re-create.
        public override CommitResult? Reject(RedisValue current)
        {
            var actual = DocumentVersion.Parse(current).Visible;
            return actual == Expected ? null : new VersionConflict(Collection, Id, Expected, actual);
        }

        // A replace assumes the live version; a create assumes a key that never existed (a tombstone
        // also passes, but its version must be read to be continued).
        public override RedisValue? Assumed() => Expected == 0 ? RedisValue.Null : (RedisValue)Expected;

        // Pins live document and tombstone alike (the stored value carries both state and version).
        protected override Condition ExactCondition(RedisValue current) =>
            StackExchange.Redis.Condition.HashEqual(Key, DocumentFields.Version, current);
    }

    public sealed record IdempotencyCheck(RedisKey Key, ClaimIdempotency Claim) : Check(Key)
    {
        public override CommitResult? Reject(RedisValue current) =>
            current.IsNull ? null : new IdempotencyKeyTaken(Claim.Scope, Claim.Key, current.ToString());

        public override RedisValue? Assumed() => RedisValue.Null;

        // Unreachable: a claimed key rejects the commit before conditions are built from it.
        protected override Condition ExactCondition(RedisValue current) => StackExchange.Redis.Condition.StringEqual(Key, current);
    }

    public sealed record PositionCheck(RedisKey Key, AdvanceConsumerPosition Advance) : Check(Key)
    {
        public override CommitResult? Reject(RedisValue current)
        {
            var actual = current.IsNull ? 0 : (long)current;
            var id = $"{Advance.Channel.Service}/{Advance.Channel.Channel}/{Advance.Consumer}";
            if (Advance.ExpectedPosition is { } expected)
            {
                return actual == expected ? null : new VersionConflict(VersionConflict.ConsumerPositionCollection, id, expected, actual);
            }
            // Never backwards: that would redeliver entries the consumer has already handled.
            return actual <= Advance.Position ? null : new VersionConflict(VersionConflict.ConsumerPositionCollection, id, Advance.Position, actual);
        }

        // An expected position is assumed (0 as never advanced); "only forward" allows many values, so it reads.
        public override RedisValue? Assumed() => Advance.ExpectedPosition switch
        {
            null => (RedisValue?)null,
            0 => RedisValue.Null,
            { } expected => (RedisValue)expected,
        };

        protected override Condition ExactCondition(RedisValue current) => StackExchange.Redis.Condition.StringEqual(Key, current);
    }
}
