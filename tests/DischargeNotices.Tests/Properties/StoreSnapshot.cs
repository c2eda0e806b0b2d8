using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Samverkan.DischargeNotices.Tests.Properties;

// Everything the store holds, as key → digest of its type and content: documents, indexes,
// channels (feeds, events, access records), idempotency keys and locks alike. Two equal
// snapshots mean no write happened in between, whatever the service's key layout is.
public sealed class StoreSnapshot
{
    private readonly SortedDictionary<string, string> _digests;

    private StoreSnapshot(SortedDictionary<string, string> digests) => _digests = digests;

    public int KeyCount => _digests.Count;

    public static async Task<StoreSnapshot> TakeAsync(IConnectionMultiplexer connection)
    {
        var database = connection.GetDatabase();
        var keys = new List<RedisKey>();
        foreach (var endpoint in connection.GetEndPoints())
        {
            await foreach (var key in connection.GetServer(endpoint).KeysAsync(pageSize: 1000)) keys.Add(key);
        }
        // All digests in flight at once: the multiplexer pipelines them, so a snapshot of thousands
        // of keys costs a few round trips, not thousands.
        var contents = await Task.WhenAll(keys.Select(key => DigestAsync(database, key)));
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) digests[keys[i].ToString()] = contents[i];
        return new StoreSnapshot(digests);
    }

    // The keys added, removed or changed from this snapshot to the later one (names only: key
    // names carry ids and pseudonymous references, never personal data).
    public IReadOnlyList<string> ChangesTo(StoreSnapshot later)
    {
        var changes = new List<string>();
        foreach (var (key, digest) in later._digests)
        {
            if (!_digests.TryGetValue(key, out var before)) changes.Add("added " + key);
            else if (before != digest) changes.Add("changed " + key);
        }
        changes.AddRange(_digests.Keys.Where(key => !later._digests.ContainsKey(key)).Select(key => "removed " + key));
        return changes;
    }

    private static async Task<string> DigestAsync(IDatabase database, RedisKey key)
    {
        var type = await database.KeyTypeAsync(key);
        var content = type switch
        {
            RedisType.String => new[] { (string?)await database.StringGetAsync(key) },
            RedisType.List => (await database.ListRangeAsync(key)).Select(v => (string?)v),
            RedisType.Set => (await database.SetMembersAsync(key)).Select(v => (string?)v).Order(StringComparer.Ordinal),
            RedisType.SortedSet => (await database.SortedSetRangeByRankWithScoresAsync(key)).Select(e => $"{e.Element}={e.Score}"),
            RedisType.Hash => (await database.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}").Order(StringComparer.Ordinal),
            _ => [],
        };
        var text = type + "\n" + string.Join("\n", content);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
