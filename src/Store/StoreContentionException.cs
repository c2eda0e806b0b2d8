namespace Samverkan.Store;

// A commit kept losing WATCH races to concurrent writers of the same keys and gave up (bounded
// retries). Nothing was written. Rare; callers treat it like a transient store failure.
public sealed class StoreContentionException(string keyspace, int attempts)
    : Exception($"Keyspace {keyspace}: the commit lost {attempts} optimistic-concurrency races in a row; nothing was written.");
