namespace Samverkan.EmbeddedStore;

// Translates our small contract into Garnet's command line. Every choice here is about durability:
// an acknowledged write must survive a crash of this process (see docs/store.md).
public static class GarnetArguments
{
    // Enough for every commit connection of several service processes (32 each by default) at once.
    private const string MinThreads = "512";

    public static string[] For(EmbeddedStoreOptions options) =>
    [
        "--bind", "127.0.0.1",
        "--port", options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Append-only file, committed per operation (freq 0), and no reply before the commit is on
        // disk (the equivalent of Redis' appendfsync always).
        "--aof",
        "--aof-commit-freq", "0",
        "--aof-commit-wait",
        // Records that leave memory go to disk instead of being dropped (without the storage tier
        // Garnet behaves as a cache once --memory is full).
        "--storage-tier",
        "--logdir", options.DataDirectory,
        "--checkpointdir", options.DataDirectory,
        "--memory", options.Memory,
        "--index", "16m",
        "--index-max-size", "1g",
        "--checkpoint-freq", options.CheckpointIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Start from the latest checkpoint plus the append-only file; refuse to start on a damaged one
        // rather than silently serving less data than was acknowledged.
        "--recover",
        "--fail-on-recovery-error",
        // The native device needs liburing.so.2 (or glibc 2.38 for its libaio build), which Debian 12
        // and many hosts lack; RandomAccess is managed .NET I/O with write-through files and works everywhere.
        "--device-type", "RandomAccess",
        // Lua scripts are not atomic on Garnet: the store building block never uses them.
        "--protected-mode", "yes",
        // With --aof-commit-wait, Garnet blocks the thread serving a connection until the commit is on
        // disk ("must block, we're on the network thread"), so every connection with a write in flight
        // holds a thread-pool thread. Without a higher minimum the pool grows by about one thread per
        // half second and many concurrent committers (Store:CommitConnections per service process)
        // starve it: throughput collapses and clients time out. Threads are created only when needed.
        "--minthreads", MinThreads,
        "-q",
    ];
}
