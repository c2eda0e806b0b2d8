using Samverkan.Store;

namespace Samverkan.ServiceCore.Paging;

public sealed record IndexPage(IReadOnlyList<IndexEntry> Entries, string NextPageToken);

// Reads one page of a sorted-set index in score order, continuing from a page token ("" when the
// index has no more entries). Page size per PageSize.Resolve; a foreign token is INVALID_ARGUMENT.
public sealed class IndexPager(IDocumentStore store)
{
    public async Task<IndexPage> ReadAsync(string index, double minScore, double maxScore, bool descending,
        int requestedSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageSize.Resolve(requestedSize);
        var token = PageToken.Decode(pageToken) ?? new PageToken(descending ? maxScore : minScore, 0);
        var entries = await store.QueryIndexAsync(index,
            descending ? minScore : token.Score,
            descending ? token.Score : maxScore,
            token.Skip, size, descending, cancellationToken);
        if (entries.Count < size) return new IndexPage(entries, "");
        return new IndexPage(entries, PageToken.After(entries.Select(e => e.Score).ToList(), token).Encode());
    }
}
