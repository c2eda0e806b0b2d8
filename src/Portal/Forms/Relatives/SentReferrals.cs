using System.Collections.Concurrent;

namespace Samverkan.Portal.Forms.Relatives;

// The referrals a user sent from the portal, so their status page can list them: only the ids and
// when they were sent (no name, nothing about the relative), per user, in server memory. The
// relative support service has no "my organisation's referrals" list; its status answer is all a
// referrer may see. Lost when the portal restarts (README, Known limitations).
public sealed class SentReferrals(TimeProvider time)
{
    public const int PerUser = 50;
    private readonly ConcurrentDictionary<string, List<(string ReferralId, DateTimeOffset SentAt)>> _sent = new();

    public void Add(string subject, string referralId)
    {
        var list = _sent.GetOrAdd(subject, _ => []);
        lock (list)
        {
            if (list.Any(s => s.ReferralId == referralId)) return;
            list.Insert(0, (referralId, time.GetUtcNow()));
            if (list.Count > PerUser) list.RemoveAt(list.Count - 1);
        }
    }

    public IReadOnlyList<(string ReferralId, DateTimeOffset SentAt)> Of(string subject)
    {
        if (!_sent.TryGetValue(subject, out var list)) return [];
        lock (list) return list.ToList();
    }
}
