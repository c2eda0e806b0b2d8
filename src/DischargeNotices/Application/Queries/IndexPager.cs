using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Queries;

public sealed record IndexPage(IReadOnlyList<IndexEntry> Entries, string NextPageToken);

// Reads one page of a sorted-set index in score order, continuing from a page token.
public sealed class IndexPager(IDocumentStore store)
{
    public async Task<IndexPage> ReadAsync(string index, double minScore, double maxScore, bool descending,
        int requestedSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageCursor.Size(requestedSize);
        var cursor = PageCursor.Decode(pageToken) ?? new PageCursor(descending ? maxScore : minScore, 0);
        var entries = await store.QueryIndexAsync(index,
            descending ? minScore : cursor.Score,
            descending ? cursor.Score : maxScore,
            cursor.Skip, size, descending, cancellationToken);
        if (entries.Count < size) return new IndexPage(entries, "");

        var last = entries[^1].Score;
        var atLast = entries.Count(e => e.Score == last);
        var skip = last == cursor.Score ? cursor.Skip + atLast : atLast;
        return new IndexPage(entries, new PageCursor(last, skip).Encode());
    }
}
