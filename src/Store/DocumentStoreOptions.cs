namespace Samverkan.Store;

// Tuning of the store building block, bound from the configuration section "Store"
// (environment: Store__CommitConnections=32) and adjustable in AddDocumentStore(keyspace, configure).
public sealed class DocumentStoreOptions
{
    public const string SectionName = "Store";

    public const int DefaultCommitConnections = 32;

    public const int MaxCommitConnections = 1024;

    // Connections (per IDocumentStore) reserved for commits that check something (versions,
    // idempotency keys, consumer positions). A checked commit WATCHes keys, so it needs a connection
    // of its own from WATCH to EXEC; with one connection per in-flight commit, concurrent commits
    // reach the server together and share its fsyncs (group commit). More callers than connections
    // wait for a free one. Opened on demand, so a quiet service holds only what it has needed.
    // Commits without checks (appends only, e.g. access records of reads) use the shared connection.
    public int CommitConnections { get; set; } = DefaultCommitConnections;

    internal void Validate()
    {
        if (CommitConnections is < 1 or > MaxCommitConnections)
        {
            throw new ArgumentOutOfRangeException(nameof(CommitConnections), CommitConnections,
                $"Store:CommitConnections is between 1 and {MaxCommitConnections}.");
        }
    }
}
