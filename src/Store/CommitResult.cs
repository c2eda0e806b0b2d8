namespace Samverkan.Store;

public abstract record CommitResult
{
    public static readonly CommitResult Success = new Committed();
}

public sealed record Committed : CommitResult;

// A document's version moved since it was read (or it exists when expected new, or is gone).
// Services answer FailedPrecondition ("re-read and retry") or, for internal retry loops, re-read.
public sealed record VersionConflict(string Collection, string Id, long ExpectedVersion, long ActualVersion) : CommitResult;

// The idempotency key was claimed by an earlier commit; nothing was written this time.
public sealed record IdempotencyKeyTaken(string Scope, string Key, string ExistingResultId) : CommitResult;
