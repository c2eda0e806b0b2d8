using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Samverkan.Portal.Drafts;

// What a user is typing, kept for them on the server so it survives an ended session (they log in
// again and find the form as they left it) and a dropped connection. A form registers its model
// object when it opens and removes it when it is sent; unsent drafts are forgotten after
// Portal:DraftLifetime. Server memory only: nothing typed is written to the browser or to disk.
public sealed class DraftStore(TimeProvider time, IOptions<PortalOptions> options)
{
    private readonly ConcurrentDictionary<(string Subject, string Form), (object Model, DateTimeOffset Expires)> _drafts = new();

    // The draft for this user and form, or a new model registered as the draft.
    public T Open<T>(string subject, string form, Func<T> create) where T : class
    {
        var now = time.GetUtcNow();
        foreach (var (key, draft) in _drafts)
        {
            if (draft.Expires < now) _drafts.TryRemove(key, out _);
        }
        var entry = _drafts.AddOrUpdate((subject, form),
            _ => (create(), now + options.Value.DraftLifetime),
            (_, existing) => existing.Model is T ? (existing.Model, now + options.Value.DraftLifetime) : (create(), now + options.Value.DraftLifetime));
        return (T)entry.Model;
    }

    public bool HasDraft(string subject, string form) => _drafts.ContainsKey((subject, form));

    public void Discard(string subject, string form) => _drafts.TryRemove((subject, form), out _);
}
