namespace Samverkan.ServiceCore.Indexing;

// Which sorted-set indexes an aggregate (e.g. a case) belongs to, with scores. Computed from an aggregate's state before and
// after a step; only the difference is written (entries as index, member, score).
public sealed class IndexMembership
{
    private readonly Dictionary<(string Index, string Member), double> _entries = [];

    public IReadOnlyDictionary<(string Index, string Member), double> Entries => _entries;

    public void Add(string index, string member, double score) => _entries[(index, member)] = score;

    public void StageChangesFrom(IndexMembership before, Samverkan.Store.UnitOfWork work)
    {
        foreach (var (key, _) in before._entries)
        {
            if (!_entries.ContainsKey(key)) work.Unindex(key.Index, key.Member);
        }
        foreach (var (key, score) in _entries)
        {
            if (!before._entries.TryGetValue(key, out var old) || old != score) work.Index(key.Index, key.Member, score);
        }
    }

    public static double Score(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();
}
