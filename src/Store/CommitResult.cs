namespace Samverkan.Store;

public abstract record CommitResult
{
    public static readonly CommitResult Success = new Committed();
}

// Test for success with 'result is Committed' (Appended makes instances differ from Success).
public sealed record Committed : CommitResult
{
    // The absolute position each Append of the unit of work received, in the order of the Append calls.
    public IReadOnlyList<AppendedEntry> Appended { get; init; } = [];
}

public sealed record AppendedEntry(string Channel, long Position);

// A document's version moved since it was read (or it exists when expected new, or is gone).
// Services answer FailedPrecondition ("re-read and retry") or, for internal retry loops, re-read.
// Also returned for a consumer position that moved (Collection = ConsumerPositionCollection).
public sealed record VersionConflict(string Collection, string Id, long ExpectedVersion, long ActualVersion) : CommitResult
{
    public const string ConsumerPositionCollection = "$consumer-position";
}

// The idempotency key was claimed by an earlier commit; nothing was written this time.
public sealed record IdempotencyKeyTaken(string Scope, string Key, string ExistingResultId) : CommitResult;
