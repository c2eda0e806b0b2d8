using Samverkan.Store;

namespace Samverkan.AccessLog.Tests.Fakes;

// Unit-test stand-in for the Redis-protocol store: the same contract (atomic, version-checked
// commits; absolute channel positions; consumer positions), in memory, with failure injection.
// Integration tests use the real store.
public sealed class InMemoryStoreServer
{
    internal readonly object Gate = new();
    internal readonly Dictionary<string, (long Version, byte[] Data)> Documents = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, Dictionary<string, double>> Indexes = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, List<byte[]>> Channels = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> Idempotency = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, long> Positions = new(StringComparer.Ordinal);

    // When set, every commit throws it (the store is down).
    public Exception? FailCommitsWith { get; set; }

    public int Commits { get; private set; }

    public InMemoryDocumentStore For(string keyspace) => new(this, new StoreKeyspace(keyspace));

    internal void CountCommit() => Commits++;

    // Raw access for tamper tests.
    public List<byte[]> Channel(string keyspace, string channel)
    {
        lock (Gate)
        {
            var key = new StoreKeyspace(keyspace).Channel(channel);
            if (!Channels.TryGetValue(key, out var list)) Channels[key] = list = [];
            return list;
        }
    }
}
