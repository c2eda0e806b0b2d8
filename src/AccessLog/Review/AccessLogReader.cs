using System.Globalization;
using Samverkan.AccessLog.Chain;
using Samverkan.ServiceCore.Paging;
using Samverkan.Store;

namespace Samverkan.AccessLog.Review;

// Reads chain entries through the indexes: pages newest first, or every sequence of an index in
// a window (for samples and extracts, which are bounded).
public sealed class AccessLogReader(IDocumentStore store, ChainStore chain)
{
    public async Task<AccessPage> PageAsync(string index, ScoreWindow window, int pageSize, PageToken? token, CancellationToken cancellationToken)
    {
        // A token only narrows the window from above; one from another window starts afresh.
        var resume = token is not null && token.Score <= window.Max ? token : null;
        var max = resume?.Score ?? window.Max;
        if (max < window.Min) return new AccessPage([], null);

        var hits = await store.QueryIndexAsync(index, window.Min, max, resume?.Skip ?? 0, pageSize + 1, descending: true, cancellationToken);
        var page = hits.Take(pageSize).ToList();
        var entries = await chain.GetAsync(page.Select(h => Sequence(h.Member)).ToList(), cancellationToken);
        var next = hits.Count > pageSize ? PageToken.After(page.Select(h => h.Score).ToList(), resume) : null;
        return new AccessPage(entries, next);
    }

    // Every sequence in the index within the window, oldest first. Throws
    // ResultTooLargeException beyond limit so callers can ask for a narrower range.
    public async Task<IReadOnlyList<long>> SequencesAsync(string index, ScoreWindow window, int limit, CancellationToken cancellationToken)
    {
        const int Batch = 10_000;
        var sequences = new List<long>();
        while (true)
        {
            var hits = await store.QueryIndexAsync(index, window.Min, window.Max, sequences.Count, Batch, descending: false, cancellationToken);
            sequences.AddRange(hits.Select(h => Sequence(h.Member)));
            if (sequences.Count > limit) throw new ResultTooLargeException(limit);
            if (hits.Count < Batch) return sequences;
        }
    }

    public Task<IReadOnlyList<ChainedAccess>> GetAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        chain.GetAsync(sequences, cancellationToken);

    private static long Sequence(string member) => long.Parse(member, NumberStyles.None, CultureInfo.InvariantCulture);
}
